package dev.janua.server.users.app;

import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.crypto.KeyedHash;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.users.PasswordChecks;
import dev.janua.server.users.UserDirectory.FailedSignIn;
import dev.janua.server.users.domain.EmailAddress;
import dev.janua.server.users.persistence.JdbcUnknownEmailFailures;
import dev.janua.server.users.persistence.JdbcUnknownEmailFailures.Row;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lockout counter of emails that have no account, kept in the database beside the accounts'
 * own counters and with the same rules (a lock of {@code lockoutDuration} at every
 * {@code lockoutThreshold} failures, a lock until reset at {@code hardLockoutThreshold}), so an
 * unknown email answers exactly like a wrong password — on every node, after a restart, with no
 * eviction. Rows are keyed by an HMAC of the normalised email. Each count commits on its own, as
 * the accounts' do, so it survives whatever the caller does next.
 */
@Component
class UnknownEmailFailures {
    private final JdbcUnknownEmailFailures store;
    private final KeyedHash keys;
    private final TransactionTemplate own;
    private final Clock clock;
    private final JanuaProperties.Passwords rules;

    UnknownEmailFailures(JdbcUnknownEmailFailures store, SecretBox box, PlatformTransactionManager transactions, Clock clock,
                         JanuaProperties properties) {
        this.store = store;
        this.keys = KeyedHash.forPurpose(box, "unknown-email-lockout");
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.rules = properties.passwords();
    }

    /** Counts one failure, as {@link UserService#reserveSignInAttempt} does for an account; empty when locked. */
    Optional<FailedSignIn> reserve(String email) {
        String key = key(email);
        Instant now = clock.instant();
        Instant lockUntil = now.plus(rules.lockoutDuration());
        // an UPDATE of an existing row, else the INSERT of the first failure; a parallel first failure
        // makes the INSERT lose on the primary key, and the next round counts on the row it created
        for (int round = 0; round < 3; round++) {
            Optional<Row> counted = own.execute(t -> store.increment(key, now, rules.lockoutThreshold(), lockUntil,
                    rules.hardLockoutThreshold()) ? store.find(key) : Optional.<Row>empty());
            if (counted.isPresent()) return Optional.of(failure(counted.get(), now));
            Optional<Row> existing = store.find(key);
            if (existing.isPresent()) {
                if (lockedAt(existing.get(), now)) return Optional.empty();
                continue; // inserted by a parallel failure since the UPDATE: count on it
            }
            Instant firstLock = 1 >= rules.hardLockoutThreshold() ? PasswordChecks.LOCKED_INDEFINITELY
                    : 1 % rules.lockoutThreshold() == 0 ? lockUntil : null;
            try {
                own.executeWithoutResult(t -> store.insertFirst(key, firstLock, now));
                return Optional.of(failure(new Row(1, firstLock), now));
            } catch (DuplicateKeyException e) {
                // lost the first failure to a parallel one
            }
        }
        throw new IllegalStateException("could not count a failed sign-in");
    }

    /** The end of the lock in force (null when none). */
    Instant lockedUntil(String email) {
        Instant now = clock.instant();
        return store.find(key(email)).filter(r -> lockedAt(r, now)).map(Row::lockedUntil).orElse(null);
    }

    /** An account was created with this email: its own counter takes over. Runs in the caller's transaction. */
    void forget(String email) {
        store.delete(key(email));
    }

    /** Counts nobody has touched for the retention period go, unless a lock is still in force. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 900_000)
    void purge() {
        Instant now = clock.instant();
        store.purge(now.minus(rules.unknownEmailRetention()), now);
    }

    private FailedSignIn failure(Row r, Instant now) {
        int threshold = rules.lockoutThreshold();
        boolean locked = lockedAt(r, now);
        return new FailedSignIn(r.failedAttempts(), locked ? 0 : threshold - (r.failedAttempts() % threshold),
                locked ? r.lockedUntil() : null);
    }

    private static boolean lockedAt(Row r, Instant now) {
        return r.lockedUntil() != null && r.lockedUntil().isAfter(now);
    }

    private String key(String email) {
        return keys.hex(EmailAddress.normalize(email));
    }
}
