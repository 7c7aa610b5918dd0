package dev.janua.server.auth.app;

import dev.janua.server.notifications.NotificationJobs;
import dev.janua.server.organizations.OrganizationDirectory;
import dev.janua.server.platform.crypto.PasswordHasher;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.ratelimit.RateLimitCategory;
import dev.janua.server.ratelimit.RateLimits;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.tokens.OneTimeTokens;
import dev.janua.server.tokens.OneTimeTokens.Purpose;
import dev.janua.server.users.PasswordChecks;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.domain.EmailAddress;
import dev.janua.server.users.domain.PasswordPolicy;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Password change (signed in), forgot/reset by emailed token, and account deletion. */
@Service
public class PasswordService {
    private final UserDirectory users;
    private final SessionDirectory sessions;
    private final OneTimeTokens oneTime;
    private final PasswordHasher hasher;
    private final PasswordChecks passwordChecks;
    private final TransactionTemplate tx;
    private final PasswordPolicy policy;
    private final NotificationJobs jobs;
    private final RateLimits rateLimits;
    private final OrganizationDirectory organizations;

    public PasswordService(UserDirectory users, SessionDirectory sessions, OneTimeTokens oneTime, PasswordHasher hasher,
                           PasswordChecks passwordChecks, TransactionTemplate tx,
                           PasswordPolicy policy, NotificationJobs jobs, RateLimits rateLimits,
                           OrganizationDirectory organizations) {
        this.users = users;
        this.sessions = sessions;
        this.oneTime = oneTime;
        this.hasher = hasher;
        this.passwordChecks = passwordChecks;
        this.tx = tx;
        this.policy = policy;
        this.jobs = jobs;
        this.rateLimits = rateLimits;
        this.organizations = organizations;
    }

    /**
     * Returns how many other sessions were ended. The password check and both hashes run before the
     * transaction opens: the check commits its own attempt count on a second connection, which must
     * not be taken while this request already holds one (N such requests would exhaust the pool).
     */
    public int change(String userId, String currentSessionId, String currentPassword, String newPassword,
                      boolean logoutOtherSessions, ClientInfo client) {
        User user = users.findById(userId).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND));
        requirePassword(user, currentPassword, "currentPassword");
        policy.check(newPassword, user.email(), user.firstName(), user.lastName(), user.username());
        String hash = hasher.hash(newPassword);
        return tx.execute(t -> {
            users.changePasswordHash(userId, hash, true, client);
            return logoutOtherSessions ? sessions.revokeAllForUser(userId, currentSessionId, "password_changed", client) : 0;
        });
    }

    /**
     * Same answer, and the same work before it, whether or not the email has an account: the
     * request only writes one job to the outbox (the normalised email and the language, sealed), the
     * same row for every email. The worker, off the request path, looks the account up and only for
     * an active one issues the token and queues the email ({@link PasswordResetJob}), so the response
     * time cannot tell registered emails apart (docs/security.md).
     */
    @Transactional
    public void forgot(String email, Locale locale) {
        String normalized = EmailAddress.normalize(email == null ? "" : email);
        // per email, whether or not it has an account, so the limit reveals nothing (3 per hour by default)
        rateLimits.check(RateLimitCategory.PASSWORD_RESET, normalized);
        jobs.enqueue(PasswordResetJob.KIND, PasswordResetJob.payload(normalized, locale));
    }

    /**
     * The new password is checked and hashed first, against the token's owner as read without
     * spending it; then one transaction redeems the token and stores the hash, so a refused password
     * does not spend the token and no hash runs inside the transaction. A reset ends every session
     * and lifts any lockout (a reset is the way out of a hard lock).
     */
    public void reset(String token, String newPassword, ClientInfo client) {
        if (newPassword == null || newPassword.isEmpty()) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "newPassword", "reason", "required"));
        }
        PasswordHasher.requireEncodable(newPassword, "newPassword");
        User owner = resettable(oneTime.peek(Purpose.PASSWORD_RESET, token));
        policy.check(newPassword, owner.email(), owner.firstName(), owner.lastName(), owner.username());
        String hash = hasher.hash(newPassword);
        tx.executeWithoutResult(t -> {
            User user = resettable(oneTime.redeem(Purpose.PASSWORD_RESET, token));
            // the account changed hands or address between the check and now: the checked password is not for it
            if (!user.id().equals(owner.id()) || !user.email().equals(owner.email())) {
                throw new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED);
            }
            users.changePasswordHash(user.id(), hash, false, client);
            oneTime.revokeAll(Purpose.PASSWORD_RESET, user.id());
            sessions.revokeAllForUser(user.id(), null, "password_reset", client);
        });
    }

    /** The account a reset token is for, if the token is live and was sent to the address the account still has. */
    private User resettable(Optional<OneTimeTokens.Redeemed> token) {
        OneTimeTokens.Redeemed redeemed = token.orElseThrow(() -> new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED));
        User user = users.findById(redeemed.userId()).orElseThrow(() -> new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED));
        // a link sent to an address the account no longer has must not reset it
        if (!user.email().equalsIgnoreCase(redeemed.email())) throw new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED);
        return user;
    }

    /** The password is checked before the transaction opens, as in {@link #change}. */
    public void deleteAccount(String userId, String password, String confirmation, ClientInfo client) {
        if (!"DELETE".equals(confirmation)) {
            throw new JanuaException(ErrorCode.CONFIRMATION_REQUIRED, Map.of("field", "confirmation", "expected", "DELETE"));
        }
        User user = users.findById(userId).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND));
        requirePassword(user, password, "password");
        tx.executeWithoutResult(t -> {
            // An organization must keep an owner: its sole owner hands ownership on (or deletes it) first.
            organizations.requireNotSoleOwner(userId);
            sessions.revokeAllForUser(userId, null, "account_deleted", client);
            users.delete(userId, userId, client);
        });
    }

    private void requirePassword(User user, String password, String field) {
        passwordChecks.require(user, password, field);
    }
}
