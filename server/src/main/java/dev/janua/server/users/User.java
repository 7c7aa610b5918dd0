package dev.janua.server.users;

import java.time.Instant;
import java.util.Map;

/** A user account as other modules see it. The password hash never leaves the server. */
public record User(
        String id,
        String email,
        String username,
        String passwordHash,
        String firstName,
        String lastName,
        String phoneNumber,
        boolean phoneVerified,
        String profileImageUrl,
        String bio,
        String timezone,
        String locale,
        Map<String, Object> metadata,
        boolean emailVerified,
        boolean mfaEnabled,
        boolean admin,
        UserStatus status,
        int failedAttempts,
        Instant lockedUntil,
        Instant createdAt,
        Instant updatedAt,
        Instant lastSignInAt) {

    /** "Until a password reset or an admin unlock": a date no clock reaches. */
    public static final Instant LOCKED_INDEFINITELY = Instant.parse("9999-12-31T00:00:00Z");

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? email : name;
    }
}
