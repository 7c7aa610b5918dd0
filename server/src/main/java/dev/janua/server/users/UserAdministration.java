package dev.janua.server.users;

import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.web.ClientInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * What platform administration does to accounts. Writes publish their events
 * ({@code user.suspended}, {@code user.unsuspended}, {@code user.unlocked}, {@code user.updated})
 * and join the caller's transaction, so the admin module can end sessions in the same one.
 */
public interface UserAdministration {
    Page<ManagedUser> search(UserQuery query, PageRequest page, boolean includeTotal);

    Optional<ManagedUser> find(String userId);

    ManagedUser suspend(String userId, String reason, Instant until, String actorId, ClientInfo client);

    ManagedUser unsuspend(String userId, String actorId, ClientInfo client);

    /** Clears failed sign-in counters and any lock, soft or hard. */
    ManagedUser unlock(String userId, String actorId, ClientInfo client);

    /** Profile fields, email (unique; unverified unless stated), verification flag, platform admin flag. */
    ManagedUser update(String userId, AdminChange change, String actorId, ClientInfo client);

    record AdminChange(ProfileChange profile, String email, Boolean emailVerified, Boolean admin) {}

    /** The account with what administrators also see: suspension and the lockout state (never the hash). */
    record ManagedUser(User user, Suspension suspension, int failedAttempts, Instant lockedUntil) {
        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }
}
