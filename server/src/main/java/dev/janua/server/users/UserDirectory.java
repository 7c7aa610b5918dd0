package dev.janua.server.users;

import dev.janua.server.platform.web.ClientInfo;
import java.time.Instant;
import java.util.Optional;

/** What other modules may ask of the users module. Writes publish their domain events. */
public interface UserDirectory {
    Optional<User> findById(String id);

    /**
     * {@link #findById} through this node's cache (every write to the user removes the entry at commit,
     * here and on other nodes): for reads that show or check a user, never for read-modify-write.
     */
    Optional<User> findByIdCached(String id);

    Optional<User> findByEmail(String email);

    /** Whether the user can sign in with a password (one is set): other ways in must not remove the last one. */
    boolean hasPassword(String userId);

    User create(NewUser user, String actorId, ClientInfo client);

    User updateProfile(String userId, ProfileChange change, ClientInfo client);

    /** A profile change made by someone else (an administrator): the event names them as its actor. */
    User updateProfile(String userId, ProfileChange change, String actorId, ClientInfo client);

    void changePasswordHash(String userId, String newHash, boolean userInitiated, ClientInfo client);

    void markEmailVerified(String userId, ClientInfo client);

    void delete(String userId, String actorId, ClientInfo client);

    void recordSuccessfulSignIn(String userId, Instant now);

    /** Sets the {@code mfaEnabled} flag; the MFA module publishes {@code mfa.enabled}/{@code mfa.disabled}. */
    void setMfaEnabled(String userId, boolean enabled);

    /** Records a phone number the user proved by a code, and publishes {@code user.phone_verified}. */
    void setVerifiedPhone(String userId, String phoneNumber, ClientInfo client);

    record FailedSignIn(int failedAttempts, int attemptsRemaining, Instant lockedUntil) {}
}
