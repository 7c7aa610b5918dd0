package dev.janua.server.auth.app;

import dev.janua.server.notifications.Mailer;
import dev.janua.server.organizations.OrganizationDirectory;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.crypto.PasswordHasher;
import dev.janua.server.platform.crypto.RandomTokens;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.ratelimit.RateLimitCategory;
import dev.janua.server.ratelimit.RateLimits;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.tokens.OneTimeTokens;
import dev.janua.server.tokens.OneTimeTokens.Purpose;
import dev.janua.server.users.PasswordChecks;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserStatus;
import dev.janua.server.users.domain.EmailAddress;
import dev.janua.server.users.domain.PasswordPolicy;
import java.time.Duration;
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
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final RateLimits rateLimits;
    private final Duration resetTtl;
    private final OrganizationDirectory organizations;
    private final RandomTokens random;

    public PasswordService(UserDirectory users, SessionDirectory sessions, OneTimeTokens oneTime, PasswordHasher hasher,
                           PasswordChecks passwordChecks, TransactionTemplate tx,
                           PasswordPolicy policy, Mailer mailer, PublicUrl publicUrl, RateLimits rateLimits,
                           JanuaProperties properties, OrganizationDirectory organizations, RandomTokens random) {
        this.users = users;
        this.sessions = sessions;
        this.oneTime = oneTime;
        this.hasher = hasher;
        this.passwordChecks = passwordChecks;
        this.tx = tx;
        this.policy = policy;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.rateLimits = rateLimits;
        this.resetTtl = properties.tokens().passwordResetTtl();
        this.organizations = organizations;
        this.random = random;
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
     * Same answer, and the same work before it, whether or not the email has an account: a token is
     * drawn and hashed, the email rendered and sealed, and one outbox row written in one
     * transaction — to be sent for an active account, withheld (never sent) otherwise — so the
     * response time does not tell registered emails apart (docs/security.md).
     */
    @Transactional
    public void forgot(String email, Locale locale) {
        // per email, whether or not it has an account, so the limit reveals nothing (3 per hour by default)
        if (email != null) rateLimits.check(RateLimitCategory.PASSWORD_RESET, EmailAddress.normalize(email));
        Optional<User> user = email == null ? Optional.empty() : users.findByEmail(email);
        if (user.isPresent() && user.get().status() == UserStatus.ACTIVE) {
            User u = user.get();
            oneTime.revokeAll(Purpose.PASSWORD_RESET, u.id());
            String token = oneTime.issue(Purpose.PASSWORD_RESET, u.id(), u.email(), resetTtl, null);
            mailer.send("password_reset", locale, u.email(), resetVariables(u.displayName(), token));
        } else {
            String token = random.next(Purpose.PASSWORD_RESET.prefix());
            Hashes.sha256Hex(token); // as issue() does; nothing keeps it
            String to = email == null ? "" : EmailAddress.normalize(email);
            mailer.withhold("password_reset", locale, to.length() > 320 ? to.substring(0, 320) : to, resetVariables("", token));
        }
    }

    private Map<String, String> resetVariables(String name, String token) {
        // the link lands on the hosted reset page; the token and endpoint stay for API-only integrations
        return Map.of("name", name, "token", token, "endpoint", publicUrl.base() + "/api/v1/auth/password/reset",
                "link", publicUrl.base() + "/hosted/reset-password?token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8),
                "minutes", String.valueOf(resetTtl.toMinutes()));
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
