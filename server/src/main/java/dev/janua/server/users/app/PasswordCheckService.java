package dev.janua.server.users.app;

import dev.janua.server.platform.crypto.PasswordHasher;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.users.PasswordChecks;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory.FailedSignIn;
import dev.janua.server.users.domain.Credentials;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
class PasswordCheckService implements PasswordChecks {
    private final UserService users;
    private final PasswordHasher hasher;
    private final UnknownEmailFailures unknownEmails;
    private final Clock clock;

    PasswordCheckService(UserService users, PasswordHasher hasher, UnknownEmailFailures unknownEmails, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.unknownEmails = unknownEmails;
        this.clock = clock;
    }

    @Override
    public Optional<FailedSignIn> check(User user, String password) {
        Optional<FailedSignIn> failed = checkLeavingCount(user, password);
        if (failed.isEmpty()) users.clearFailedSignIns(user.id());
        return failed;
    }

    @Override
    public Optional<FailedSignIn> checkLeavingCount(User user, String password) {
        PasswordHasher.requireEncodable(password, "password");
        Instant now = clock.instant();
        Optional<UserService.Reservation> reserved = users.reserveSignInAttempt(user.id(), now);
        if (reserved.isEmpty()) {
            hasher.burnEquivalentTime(password);
            throw locked(users.credentials(user.id()).map(Credentials::lockedUntil).orElse(null));
        }
        String stored = reserved.get().passwordHash();
        if (!hasher.verify(password, stored)) return Optional.of(reserved.get().ifWrong());
        if (hasher.needsRehash(stored)) users.upgradePasswordHash(user.id(), stored, hasher.hash(password));
        return Optional.empty();
    }

    @Override
    public void clearFailures(String userId) {
        users.clearFailedSignIns(userId);
    }

    /** The same steps as {@link #check} for an account whose password is wrong: count, then hash. */
    @Override
    public FailedSignIn failUnknownEmail(String email, String password) {
        PasswordHasher.requireEncodable(password, "password");
        Optional<FailedSignIn> reserved = unknownEmails.reserve(email);
        hasher.burnEquivalentTime(password);
        if (reserved.isEmpty()) throw locked(unknownEmails.lockedUntil(email));
        return reserved.get();
    }

    @Override
    public void require(User user, String password, String field) {
        if (password == null || password.isEmpty()) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", "required"));
        }
        PasswordHasher.requireEncodable(password, field);
        Optional<FailedSignIn> failed = check(user, password);
        if (failed.isEmpty()) return;
        if (failed.get().lockedUntil() != null) throw locked(failed.get().lockedUntil());
        throw new JanuaException(ErrorCode.INVALID_CREDENTIALS, Map.of("field", field, "attempts_remaining", failed.get().attemptsRemaining()));
    }

    static JanuaException locked(Instant until) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attempts_remaining", 0);
        if (until != null && until.isBefore(LOCKED_INDEFINITELY)) details.put("lockedUntil", until.toString());
        return new JanuaException(ErrorCode.ACCOUNT_LOCKED, details);
    }

    @Override
    public boolean hasPassword(String userId) {
        return users.credentials(userId).map(Credentials::passwordHash).filter(h -> !h.isBlank()).isPresent();
    }
}
