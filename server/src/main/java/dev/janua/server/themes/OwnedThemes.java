package dev.janua.server.themes;

/**
 * For the modules whose records own a theme (organizations, applications): the theme goes with its
 * owner. Called inside the transaction that deletes the owner, whose own event records the deletion.
 */
public interface OwnedThemes {
    /** Deletes {@code ownerId}'s theme, if it has one. */
    void ownerDeleted(String ownerId);
}
