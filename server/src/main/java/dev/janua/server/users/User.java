package dev.janua.server.users;

import java.time.Instant;
import java.util.Map;

/**
 * A user account as other modules see it: no credentials. The password hash and the lockout
 * counters stay inside the users module ({@code users.domain.Credentials}), used only by the
 * password checks.
 */
public record User(
        String id,
        String email,
        String username,
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
        Instant createdAt,
        Instant updatedAt,
        Instant lastSignInAt) {

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? email : name;
    }
}
