package dev.janua.server.themes;

import java.util.List;
import java.util.Optional;

/**
 * Whose themes apply to a sign-in started by an OAuth client: the application's id first, then its
 * organization's (if any). Implemented by the OpenID Provider, which knows the applications.
 */
public interface ThemeOwners {
    /** The application's display name and the owner ids whose themes apply, most specific first. */
    record Client(String name, List<String> owners) {}

    Optional<Client> ofClient(String clientId);

    /** The organization an owner id belongs to (itself for an organization), for events; null if none. */
    String organizationOf(String ownerId);
}
