package dev.janua.server.users;

import java.time.Instant;
import java.util.Map;

/** The JSON shape of a user in every response (seed 000's fields, camelCase). */
public record UserView(
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
        boolean isAdmin,
        String status,
        Instant createdAt,
        Instant updatedAt,
        Instant lastSignInAt) {

    public static UserView of(User u) {
        return new UserView(u.id(), u.email(), u.username(), u.firstName(), u.lastName(), u.phoneNumber(),
                u.phoneVerified(), u.profileImageUrl(), u.bio(), u.timezone(), u.locale(), u.metadata(),
                u.emailVerified(), u.mfaEnabled(), u.admin(), u.status().wire(), u.createdAt(), u.updatedAt(),
                u.lastSignInAt());
    }
}
