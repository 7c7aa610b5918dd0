package dev.janua.server.users.app;

import dev.janua.server.platform.cache.Invalidations;
import dev.janua.server.platform.cache.NearCache;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.NewUser;
import dev.janua.server.users.ProfileChange;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.domain.Credentials;
import dev.janua.server.users.persistence.JdbcUserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes of the users module; each change and its event commit together. */
@Service
public class UserService implements UserDirectory {
    private final JdbcUserRepository users;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final Clock clock;
    private final JanuaProperties.Passwords passwords;
    private final UnknownEmailFailures unknownEmails;
    private final NearCache<User> cached;

    public UserService(JdbcUserRepository users, EventPublisher events, IdGenerator ids, Clock clock, JanuaProperties properties,
                       UnknownEmailFailures unknownEmails, Invalidations invalidations) {
        this.cached = invalidations.newCache();
        this.users = users;
        this.unknownEmails = unknownEmails;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.passwords = properties.passwords();
    }

    @Override
    public Optional<User> findById(String id) {
        return users.findById(id);
    }

    @Override
    public Optional<User> findByIdCached(String id) {
        User hit = cached.get(id);
        if (hit != null) return Optional.of(hit);
        long generation = cached.generation();
        Optional<User> found = users.findById(id);
        found.ifPresent(u -> cached.put(id, id, u, generation));
        return found;
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return users.findByEmail(email);
    }

    @Override
    public boolean hasPassword(String userId) {
        return users.findCredentials(userId).map(c -> c.passwordHash() != null && !c.passwordHash().isEmpty()).orElse(false);
    }

    @Override
    @Transactional
    public User create(NewUser u, String actorId, ClientInfo client) {
        if (users.findByEmail(u.email()).isPresent()) throw new JanuaException(ErrorCode.EMAIL_ALREADY_EXISTS);
        if (u.username() != null && users.usernameTaken(u.username(), null)) {
            throw new JanuaException(ErrorCode.USERNAME_ALREADY_EXISTS);
        }
        String id = ids.next("usr");
        try {
            users.insert(id, u, clock.instant());
        } catch (DuplicateKeyException e) {
            // a parallel sign-up with the same email or username won the race; the constraint tells
            // which (the transaction is aborted on PostgreSQL, so it cannot be asked again)
            String violated = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(java.util.Locale.ROOT);
            throw new JanuaException(violated.contains("users_username_unique")
                    ? ErrorCode.USERNAME_ALREADY_EXISTS : ErrorCode.EMAIL_ALREADY_EXISTS);
        }
        User created = users.findById(id).orElseThrow();
        unknownEmails.forget(created.email());
        events.publish(DomainEvent.of("user.created", id, actorId == null ? id : actorId, Map.of("user", summary(created))), client);
        return created;
    }

    @Override
    @Transactional
    public User updateProfile(String userId, ProfileChange change, ClientInfo client) {
        return updateProfile(userId, change, userId, client);
    }

    @Override
    @Transactional
    public User updateProfile(String userId, ProfileChange change, String actorId, ClientInfo client) {
        User before = users.findById(userId).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND));
        if (change.username() != null && users.usernameTaken(change.username(), userId)) {
            throw new JanuaException(ErrorCode.USERNAME_ALREADY_EXISTS);
        }
        try {
            users.updateProfile(userId, change, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new JanuaException(ErrorCode.USERNAME_ALREADY_EXISTS);
        }
        User after = users.findById(userId).orElseThrow();
        events.publish(DomainEvent.of("user.updated", userId, actorId,
                Map.of("user", summary(after), "previousData", summary(before))), client);
        return after;
    }

    @Override
    @Transactional
    public void changePasswordHash(String userId, String newHash, boolean userInitiated, ClientInfo client) {
        users.updatePasswordHash(userId, newHash, clock.instant());
        events.publish(DomainEvent.of("user.password_changed", userId, userInitiated ? userId : null,
                Map.of("method", userInitiated ? "change" : "reset")), client);
    }

    /** Silent re-hash after a right password when the stored parameters are outdated; no event. */
    void upgradePasswordHash(String userId, String oldHash, String newHash) {
        users.replacePasswordHash(userId, oldHash, newHash);
    }

    @Override
    @Transactional
    public void markEmailVerified(String userId, ClientInfo client) {
        if (!users.markEmailVerified(userId, clock.instant())) throw new JanuaException(ErrorCode.EMAIL_ALREADY_VERIFIED);
        User user = users.findById(userId).orElseThrow();
        events.publish(DomainEvent.of("user.email_verified", userId, userId, Map.of("user", summary(user))), client);
    }

    @Override
    @Transactional
    public void delete(String userId, String actorId, ClientInfo client) {
        User user = users.findById(userId).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND));
        users.delete(userId);
        events.publish(DomainEvent.of("user.deleted", userId, actorId, Map.of("user", Map.of("id", user.id(), "email", user.email()))), client);
    }

    /**
     * Counts this attempt as a failure until the password proves right; commits on its own
     * (REQUIRES_NEW) so the count survives a rollback of the caller's transaction.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Reservation> reserveSignInAttempt(String userId, Instant now) {
        boolean counted = users.incrementFailedAttempts(userId, now, passwords.lockoutThreshold(),
                now.plus(passwords.lockoutDuration()), passwords.hardLockoutThreshold());
        if (!counted) return Optional.empty();
        Credentials u = users.findCredentials(userId).orElseThrow();
        int threshold = passwords.lockoutThreshold();
        int remaining = u.lockedAt(now) ? 0 : threshold - (u.failedAttempts() % threshold);
        return Optional.of(new Reservation(new FailedSignIn(u.failedAttempts(), remaining, u.lockedAt(now) ? u.lockedUntil() : null),
                u.passwordHash()));
    }

    /**
     * An attempt counted as a failure until the password proves right, with the stored hash read in the
     * same transaction (the check needs it next: no second read).
     */
    public record Reservation(FailedSignIn ifWrong, String passwordHash) {}

    /** The password hash and lockout counters, for the password checks of this module only. */
    Optional<Credentials> credentials(String userId) {
        return users.findCredentials(userId);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void clearFailedSignIns(String userId) {
        users.clearFailedAttempts(userId);
    }

    @Override
    public void recordSuccessfulSignIn(String userId, Instant now) {
        users.recordSuccessfulSignIn(userId, now);
    }

    @Override
    public void setMfaEnabled(String userId, boolean enabled) {
        users.setMfaEnabled(userId, enabled, clock.instant());
    }

    @Override
    @Transactional
    public void setVerifiedPhone(String userId, String phoneNumber, ClientInfo client) {
        users.setVerifiedPhone(userId, phoneNumber, clock.instant());
        events.publish(DomainEvent.of("user.phone_verified", userId, userId, Map.of("userId", userId)), client);
    }

    static Map<String, Object> summary(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("email", u.email());
        m.put("firstName", u.firstName());
        m.put("lastName", u.lastName());
        m.put("emailVerified", u.emailVerified());
        m.put("createdAt", u.createdAt().toString());
        return m;
    }
}
