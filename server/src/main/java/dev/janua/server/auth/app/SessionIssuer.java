package dev.janua.server.auth.app;

import dev.janua.server.auth.SignInResult;
import dev.janua.server.organizations.OrganizationDirectory;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.sessions.SessionDirectory.StartedSession;
import dev.janua.server.tokens.AccessTokens;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last step of every way in (password, and later magic link, passkey, social, SSO): reset the
 * failure counter, start a new session, record {@code user.signin} — in one transaction — then sign
 * the access token. Members of an organization with a {@code sessionTimeout} get sessions no longer
 * than the shortest such timeout.
 */
@Component
public class SessionIssuer {
    private final UserDirectory users;
    private final SessionDirectory sessions;
    private final AccessTokens tokens;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OrganizationDirectory organizations;

    public SessionIssuer(UserDirectory users, SessionDirectory sessions, AccessTokens tokens, EventPublisher events,
                         TransactionTemplate tx, Clock clock, OrganizationDirectory organizations) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.organizations = organizations;
    }

    public SignInResult issue(User user, String method, boolean rememberMe, ClientInfo client) {
        return issue(user, method, null, rememberMe, client);
    }

    /** {@code secondFactor}: the factor passed after {@code method} (totp, backup_code, sms, trusted_device), or null. */
    public SignInResult issue(User user, String method, String secondFactor, boolean rememberMe, ClientInfo client) {
        record Started(StartedSession session, User user) {}
        Started done = tx.execute(t -> {
            users.recordSuccessfulSignIn(user.id(), clock.instant());
            StartedSession s = sessions.start(user.id(), method, rememberMe,
                    organizations.sessionTimeoutFor(user.id()).orElse(null), client);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("userId", user.id());
            data.put("sessionId", s.session().id());
            data.put("method", method);
            data.put("success", true);
            data.put("mfaRequired", secondFactor != null);
            if (secondFactor != null) data.put("mfaMethod", secondFactor);
            events.publish(DomainEvent.of("user.signin", user.id(), user.id(), data), client);
            // read back in the same transaction (a caller may have changed the account just before, e.g. verified its email)
            return new Started(s, users.findById(user.id()).orElse(user));
        });
        StartedSession started = done.session();
        return new SignInResult(done.user(), started.session(), tokens.issue(user.id(), started.session().id()), started.refreshToken());
    }
}
