package dev.janua.server.hosted.app;

import dev.janua.server.auth.SignInResult;
import dev.janua.server.hosted.BrowserAuthentication;
import dev.janua.server.hosted.persistence.JdbcBrowserSessionStore;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.crypto.RandomTokens;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.sessions.Session;
import dev.janua.server.sessions.SessionDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The browser's hold on an ordinary Janua session. Sign-in goes through the same finish as the API
 * ({@code SignIns} / {@code SessionIssuer}), so the session is listed in {@code /sessions}, revocable
 * and counted by lockout and rate limits; this class only binds a random cookie secret to it. The
 * cookie works exactly as long as the session is live: revoke the session and the cookie is dead.
 */
@Service
public class BrowserSessions {
    /** Cookie secrets are {@code bs_} + 256 random bits; longer input is not even looked up. */
    private static final int MAX_SECRET_LENGTH = 100;
    private final JdbcBrowserSessionStore store;
    private final SessionDirectory sessions;
    private final RandomTokens random;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public BrowserSessions(JdbcBrowserSessionStore store, SessionDirectory sessions, RandomTokens random, EventPublisher events,
                           TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.random = random;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Binds a new cookie secret to the session a sign-in just started; returns the raw secret (only its hash is kept). */
    public String bind(SignInResult signedIn, List<String> amr) {
        String secret = random.next("bs");
        store.insert(Hashes.sha256Hex(secret), signedIn.session().id(), signedIn.user().id(), clock.instant(), amr, clock.instant());
        return secret;
    }

    /** The signed-in person behind a cookie, while the session is live. */
    public Optional<BrowserAuthentication> resolve(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH) return Optional.empty();
        Optional<JdbcBrowserSessionStore.Row> row = store.find(Hashes.sha256Hex(secret));
        if (row.isEmpty()) return Optional.empty();
        Optional<Session> live = sessions.findLive(row.get().sessionId());
        if (live.isEmpty() || !live.get().userId().equals(row.get().userId())) return Optional.empty();
        sessions.touch(live.get());
        JdbcBrowserSessionStore.Row r = row.get();
        return Optional.of(new BrowserAuthentication(r.userId(), r.sessionId(), r.authTime(), r.amr()));
    }

    /** Sign-out: ends the Janua session (so its API tokens die too) and forgets the cookie. */
    public void end(String secret, ClientInfo client) {
        if (secret == null || secret.length() > MAX_SECRET_LENGTH) return;
        String hash = Hashes.sha256Hex(secret);
        Optional<JdbcBrowserSessionStore.Row> row = store.find(hash);
        if (row.isEmpty()) return;
        String sessionId = row.get().sessionId();
        String userId = row.get().userId();
        tx.executeWithoutResult(t -> {
            if (sessions.revoke(sessionId, "signout", client)) {
                events.publish(DomainEvent.of("user.signout", userId, userId, Map.of("userId", userId, "sessionId", sessionId)), client);
            }
            store.delete(hash);
        });
    }
}
