package dev.janua.server.users.domain;

import java.time.Instant;

/**
 * What the password checks need of an account and nothing else may see: the password hash and
 * the lockout counters. Read only by the users module's password and lockout code.
 */
public record Credentials(String userId, String passwordHash, int failedAttempts, Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
