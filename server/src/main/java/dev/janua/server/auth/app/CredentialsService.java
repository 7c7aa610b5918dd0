package dev.janua.server.auth.app;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.auth.SignInResult;
import dev.janua.server.auth.SignIns;
import dev.janua.server.metrics.DomainMetrics;
import dev.janua.server.notifications.Mailer;
import dev.janua.server.platform.crypto.PasswordHasher;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.sessions.Session;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.sessions.SessionDirectory.Rotation;
import dev.janua.server.tokens.AccessTokens;
import dev.janua.server.users.NewUser;
import dev.janua.server.users.PasswordChecks;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserDirectory.FailedSignIn;
import dev.janua.server.users.UserStatus;
import dev.janua.server.users.ProfileChange;
import dev.janua.server.users.domain.EmailAddress;
import dev.janua.server.users.domain.ProfileRules;
import dev.janua.server.users.domain.PasswordPolicy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Email/password sign-up and sign-in, refresh-token rotation and sign-out. */
@Service
public class CredentialsService {
    private final UserDirectory users;
    private final SessionDirectory sessions;
    private final AccessTokens tokens;
    private final SessionIssuer issuer;
    private final SignIns signIns;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final EmailVerificationService verification;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final PasswordChecks passwordChecks;
    private final dev.janua.server.sso.SsoEnforcement sso;
    private final DomainMetrics metrics;

    public CredentialsService(UserDirectory users, SessionDirectory sessions, AccessTokens tokens, SessionIssuer issuer,
                              SignIns signIns, PasswordHasher hasher, PasswordChecks passwordChecks, PasswordPolicy policy,
                              EmailVerificationService verification,
                              EventPublisher events, TransactionTemplate tx, dev.janua.server.sso.SsoEnforcement sso,
                              DomainMetrics metrics) {
        this.metrics = metrics;
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.issuer = issuer;
        this.signIns = signIns;
        this.hasher = hasher;
        this.passwordChecks = passwordChecks;
        this.policy = policy;
        this.verification = verification;
        this.events = events;
        this.tx = tx;
        this.sso = sso;
    }

    public record SignUp(String email, String password, String firstName, String lastName, String username,
                         Map<String, Object> metadata, Locale locale) {}

    public SignInResult signUp(SignUp request, ClientInfo client) {
        try {
            return register(request, client);
        } catch (JanuaException e) {
            metrics.signUp("password", e.code().name()); // successes are counted from user.created
            throw e;
        }
    }

    private SignInResult register(SignUp request, ClientInfo client) {
        String email = EmailAddress.requireValid(request.email());
        ProfileRules.check(new ProfileChange(request.firstName(), request.lastName(), request.username(),
                null, null, null, null, null, null));
        policy.check(request.password(), email, request.firstName(), request.lastName(), request.username());
        String hash = hasher.hash(request.password());
        User user = tx.execute(t -> {
            User created = users.create(new NewUser(email, hash, request.firstName(), request.lastName(), request.username(),
                    request.metadata(), false, false), null, client);
            verification.sendFor(created, request.locale());
            return created;
        });
        return issuer.issue(user, "password", false, client);
    }

    /** Password sign-in; with MFA the answer is a challenge instead of a session ({@link SignIns}). */
    public SignInOutcome signIn(String email, String password, boolean rememberMe, String deviceToken, ClientInfo client) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", email == null || email.isBlank() ? "email" : "password",
                    "reason", "required"));
        }
        // refused before the account is looked up, so the answer cannot depend on whether it exists
        PasswordHasher.requireEncodable(password, "password");
        // an organization that verified this domain and requires SSO: its IdP is the only way in (domain-level, no lookup)
        sso.requireNonSsoSignInAllowed(email.trim());
        Optional<User> found = users.findByEmail(email);
        if (found.isEmpty()) {
            // counted and hashed like a wrong password, in the database (every node sees the same count)
            FailedSignIn failed = passwordChecks.failUnknownEmail(email, password);
            metrics.signInFailed("password", "unknown_email", failed.lockedUntil() != null);
            if (failed.lockedUntil() != null) throw locked(failed.lockedUntil());
            throw invalidCredentials(failed.attemptsRemaining());
        }
        User user = found.get();
        // a right password leaves its attempt counted: the session's transaction clears it (one write fewer)
        Optional<FailedSignIn> failed = passwordChecks.checkLeavingCount(user, password);
        if (failed.isPresent()) {
            metrics.signInFailed("password", "invalid_password", failed.get().lockedUntil() != null);
            tx.executeWithoutResult(t -> events.publish(DomainEvent.of("user.signin_failed", user.id(), null,
                    Map.of("userId", user.id(), "reason", "invalid_password", "success", false)), client));
            if (failed.get().lockedUntil() != null) throw locked(failed.get().lockedUntil());
            throw invalidCredentials(failed.get().attemptsRemaining());
        }
        // no session (MFA challenge, suspended account, an error): the right password still clears the count
        SignInOutcome outcome;
        try {
            if (user.status() != UserStatus.ACTIVE) throw new JanuaException(ErrorCode.ACCOUNT_SUSPENDED);
            outcome = signIns.finish(user, "password", rememberMe, deviceToken, client);
        } catch (RuntimeException | Error e) {
            try {
                passwordChecks.clearFailures(user.id());
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed); // the sign-in's own failure is the one to report
            }
            throw e;
        }
        if (!(outcome instanceof SignInOutcome.Completed)) passwordChecks.clearFailures(user.id());
        return outcome;
    }

    public record Refreshed(Session session, AccessTokens.IssuedAccessToken accessToken, String refreshToken) {}

    public Refreshed refresh(String refreshToken, ClientInfo client) {
        Rotation rotation = sessions.rotate(refreshToken, client);
        return switch (rotation) {
            case Rotation.Rotated r -> {
                User user = users.findByIdCached(r.session().userId()).orElse(null);
                if (user == null || user.status() != UserStatus.ACTIVE) {
                    sessions.revoke(r.session().id(), "user_inactive", client);
                    throw new JanuaException(ErrorCode.SESSION_EXPIRED);
                }
                metrics.tokenIssued("refresh", "session");
                yield new Refreshed(r.session(), tokens.issue(user.id(), r.session().id()), r.refreshToken());
            }
            case Rotation.Reused u -> throw new JanuaException(ErrorCode.REFRESH_TOKEN_REUSED);
            case Rotation.Invalid i -> throw JanuaException.of(ErrorCode.INVALID_REFRESH_TOKEN, "reason", i.reason());
        };
    }

    /** Ends the session named by the access token, or by the refresh token when that is what the client holds. */
    public void signOut(String sessionId, String refreshToken, ClientInfo client) {
        String target = sessionId;
        if (target == null && refreshToken != null) {
            // Redeeming the refresh token both identifies and invalidates it; a reused one already revoked its session.
            Rotation r = sessions.rotate(refreshToken, client);
            if (r instanceof Rotation.Rotated rotated) target = rotated.session().id();
            else throw new JanuaException(ErrorCode.INVALID_REFRESH_TOKEN);
        }
        if (target == null) throw new JanuaException(ErrorCode.UNAUTHORIZED);
        String id = target;
        tx.executeWithoutResult(t -> {
            Optional<Session> s = sessions.find(id);
            if (sessions.revoke(id, "signout", client) && s.isPresent()) {
                events.publish(DomainEvent.of("user.signout", s.get().userId(), s.get().userId(),
                        Map.of("userId", s.get().userId(), "sessionId", id)), client);
            }
        });
    }

    private static JanuaException invalidCredentials(int attemptsRemaining) {
        return new JanuaException(ErrorCode.INVALID_CREDENTIALS, Map.of("attempts_remaining", attemptsRemaining));
    }

    private static JanuaException locked(Instant until) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attempts_remaining", 0);
        if (until != null && until.isBefore(PasswordChecks.LOCKED_INDEFINITELY)) {
            details.put("lockedUntil", until.toString());
        }
        return new JanuaException(ErrorCode.ACCOUNT_LOCKED, details);
    }
}
