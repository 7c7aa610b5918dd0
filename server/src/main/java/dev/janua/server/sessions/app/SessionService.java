package dev.janua.server.sessions.app;

import dev.janua.server.platform.cache.Invalidations;
import dev.janua.server.platform.cache.NearCache;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.crypto.RandomTokens;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.sessions.Session;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.sessions.persistence.JdbcSessionRepository;
import dev.janua.server.sessions.persistence.JdbcSessionRepository.RefreshTokenRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Session lifecycle and refresh-token rotation with reuse detection and a short reuse grace window
 * (SECURITY.md, "Tokens and sessions"; docs/tokens.md, "Refresh tokens").
 */
@Service
public class SessionService implements SessionDirectory {
    private final JdbcSessionRepository sessions;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final RandomTokens random;
    private final Clock clock;
    private final JanuaProperties.Sessions config;
    private final Duration accessTokenTtl;
    private final TransactionTemplate tx;
    private final SecretBox secrets;
    private final Duration grace;
    /** Live sessions by id (owner: the user), for the per-request check. */
    private final NearCache<Session> live;

    public SessionService(JdbcSessionRepository sessions, EventPublisher events, IdGenerator ids, RandomTokens random,
                          Clock clock, JanuaProperties properties, TransactionTemplate tx, SecretBox secrets,
                          Invalidations invalidations) {
        this.live = invalidations.newCache();
        this.sessions = sessions;
        this.events = events;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
        this.config = properties.sessions();
        this.accessTokenTtl = properties.tokens().accessTokenTtl();
        this.tx = tx;
        this.secrets = secrets;
        Duration g = properties.sessions().refreshReuseGrace();
        this.grace = g == null || g.isNegative() ? Duration.ZERO : g;
    }

    @Override
    @Transactional
    public StartedSession start(String userId, String authMethod, boolean rememberMe, Duration timeoutOverride, ClientInfo client) {
        Instant now = clock.instant();
        Duration absolute = timeoutOverride != null ? timeoutOverride
                : rememberMe ? config.rememberMeTimeout() : config.absoluteTimeout();
        Duration idle = rememberMe ? absolute : min(config.idleTimeout(), absolute);
        ClientInfo c = client == null ? ClientInfo.none() : client;
        Session s = new Session(ids.next("sess"), userId, now, now, now.plus(absolute), idle, null, null, rememberMe,
                authMethod, c.ipAddress(), c.userAgent());
        sessions.insert(s);
        String refresh = newRefreshToken(s, now);
        events.publish(DomainEvent.of("session.created", s.id(), userId,
                Map.of("sessionId", s.id(), "userId", userId, "method", authMethod)), client);
        return new StartedSession(s, refresh);
    }

    @Override
    public Optional<Session> findLive(String sessionId) {
        if (sessionId == null) return Optional.empty();
        return sessions.find(sessionId).filter(s -> s.liveAt(clock.instant(), accessTokenTtl));
    }

    @Override
    public Optional<Session> findLiveCached(String sessionId) {
        if (sessionId == null) return Optional.empty();
        Instant now = clock.instant();
        Session cached = live.get(sessionId);
        // a cached copy may hold an older activity time than the row (another node touched it): ask the row then
        if (cached != null && cached.liveAt(now, accessTokenTtl)) return Optional.of(cached);
        long generation = live.generation();
        Optional<Session> found = sessions.find(sessionId).filter(s -> s.liveAt(now, accessTokenTtl));
        found.ifPresent(s -> live.put(s.id(), s.userId(), s, generation));
        return found;
    }

    @Override
    public Optional<Session> find(String sessionId) {
        return sessions.find(sessionId);
    }

    @Override
    public List<Session> listLive(String userId) {
        Instant now = clock.instant();
        return sessions.listUnrevoked(userId, now).stream().filter(s -> s.liveAt(now, accessTokenTtl)).toList();
    }

    @Override
    public List<Session> listAllUnrevoked(String beforeId, int limit) {
        return sessions.listUnrevokedAll(beforeId, limit, clock.instant());
    }

    @Override
    public void touch(Session session) {
        Instant now = clock.instant();
        if (!session.lastActiveAt().plus(config.activityResolution()).isBefore(now)) return;
        sessions.touch(session.id(), now);
        live.update(session.id(), s -> s.lastActiveAt().isBefore(now) ? s.withLastActiveAt(now) : s);
    }

    @Override
    @Transactional
    public boolean revoke(String sessionId, String reason, ClientInfo client) {
        Optional<Session> s = sessions.find(sessionId);
        if (s.isEmpty() || !sessions.revoke(sessionId, reason, clock.instant())) return false;
        events.publish(DomainEvent.of("session.revoked", sessionId, s.get().userId(),
                Map.of("sessionId", sessionId, "userId", s.get().userId(), "reason", reason)), client);
        return true;
    }

    @Override
    @Transactional
    public int revokeAllForUser(String userId, String exceptSessionId, String reason, ClientInfo client) {
        int n = 0;
        for (String id : sessions.unrevokedIds(userId, exceptSessionId)) {
            if (sessions.revoke(id, reason, clock.instant())) {
                n++;
                events.publish(DomainEvent.of("session.revoked", id, userId,
                        Map.of("sessionId", id, "userId", userId, "reason", reason)), client);
            }
        }
        return n;
    }

    /**
     * Ends sessions that timed out (absolute or idle) and publishes {@code session.expired} for
     * each, once: the conditional revoke lets only one process win a session.
     */
    public int expireStale(int limit) {
        Instant now = clock.instant();
        int n = 0;
        // a non-remember-me session's idle window is at most the configured one (never below the token lifetime)
        Duration idle = config.idleTimeout().compareTo(accessTokenTtl) > 0 ? config.idleTimeout() : accessTokenTtl;
        for (Session s : sessions.expiryCandidates(now, now.minus(idle), limit)) {
            if (s.liveAt(now, accessTokenTtl)) continue;
            Boolean expired = tx.execute(t -> {
                if (!sessions.revoke(s.id(), "expired", now)) return false;
                events.publish(DomainEvent.of("session.expired", s.id(), s.userId(),
                        Map.of("sessionId", s.id(), "userId", s.userId(), "reason",
                                now.isBefore(s.expiresAt()) ? "idle_timeout" : "absolute_timeout")), ClientInfo.none());
                return true;
            });
            if (Boolean.TRUE.equals(expired)) n++;
        }
        return n;
    }

    /**
     * Redeems a refresh token. Every decision for one session runs under that session's row lock,
     * so N concurrent redemptions of one token see one rotation, then N-1 grace answers (the same
     * successor) — or, outside the grace window, one reuse revocation.
     */
    @Override
    @Transactional
    public Rotation rotate(String rawRefreshToken, ClientInfo client) {
        if (rawRefreshToken == null || rawRefreshToken.isBlank() || rawRefreshToken.length() > 200) {
            return new Rotation.Invalid("malformed");
        }
        String hash = Hashes.sha256Hex(rawRefreshToken.trim());
        // the token's session, locked and read in one statement; from here on a rotation that committed
        // while we waited is visible to every statement of this transaction
        Optional<Session> locked = sessions.lockSessionOfToken(hash);
        if (locked.isEmpty()) return new Rotation.Invalid("unknown");
        Session s = locked.get();
        Instant now = clock.instant();
        // spends the token if it is unspent and unexpired; the token is read only when it was not (the rare path)
        if (!sessions.markRotated(hash, now)) return notRotated(s.id(), hash, now, client);
        if (!s.liveAt(now, accessTokenTtl)) return new Rotation.Invalid("session_ended");
        Session active = recordActivity(s, now);
        String successor = newRefreshToken(active, now);
        // with the window off there is no grace row to keep: replayed() reads none, reused() still deletes any
        if (grace.isPositive()) {
            sessions.replaceGrace(s.id(), hash, secrets.seal(successor, graceAad(s.id(), hash)), now.plus(grace));
        }
        return new Rotation.Rotated(active, successor);
    }

    /**
     * Why the token could not be spent: gone while we waited, already spent (a replay), or expired.
     * An expired token is refused and left unspent, so presenting it again is refused the same way
     * rather than taken for reuse.
     */
    private Rotation notRotated(String sessionId, String hash, Instant now, ClientInfo client) {
        Optional<RefreshTokenRow> t = sessions.findRefreshToken(hash);
        if (t.isEmpty()) return new Rotation.Invalid("unknown"); // gone while we waited: a 401, not a 500
        if (t.get().rotatedAt() != null) return replayed(sessionId, hash, now, client);
        return new Rotation.Invalid("expired");
    }

    /**
     * A refresh is activity: written when the recorded time is older than the activity resolution, as
     * on every authenticated call ({@link #touch}); the returned session carries the time now recorded.
     */
    private Session recordActivity(Session s, Instant now) {
        if (!s.lastActiveAt().plus(config.activityResolution()).isBefore(now)) return s;
        sessions.touch(s.id(), now);
        return s.withLastActiveAt(now);
    }

    /**
     * A spent token came back. Within the grace window after its own rotation, and while its
     * successor is still the live token (the grace row names the session's latest rotation only),
     * it is a client racing itself: answer the same successor, mint nothing. Anything else is reuse.
     */
    private Rotation replayed(String sessionId, String hash, Instant now, ClientInfo client) {
        Optional<JdbcSessionRepository.GraceRow> g = grace.isPositive() ? sessions.findGrace(sessionId) : Optional.empty();
        boolean inGrace = g.isPresent() && g.get().spentHash().equals(hash) && now.isBefore(g.get().graceUntil());
        if (!inGrace) return reused(sessionId, client);
        Optional<Session> session = findLive(sessionId);
        if (session.isEmpty()) return new Rotation.Invalid("session_ended");
        sessions.touch(sessionId, now);
        return new Rotation.Rotated(session.get(), secrets.open(g.get().sealedSuccessor(), graceAad(sessionId, hash)));
    }

    /** Wipes sealed successors whose grace window has closed. */
    public int wipeClosedGraceWindows() {
        return sessions.deleteClosedGrace(clock.instant());
    }

    /** Binds a sealed successor to its session and spent token, so a sealed value cannot be moved to another row. */
    private static String graceAad(String sessionId, String spentHash) {
        return "refresh-grace:" + sessionId + ":" + spentHash;
    }

    /** A rotated token came back: someone holds a copy. End the whole session (and say so in the log). */
    private Rotation reused(String sessionId, ClientInfo client) {
        Optional<Session> s = sessions.find(sessionId);
        sessions.deleteGrace(sessionId);
        if (s.isPresent() && sessions.revoke(sessionId, "refresh_token_reused", clock.instant())) {
            events.publish(DomainEvent.of("session.refresh_token_reused", sessionId, s.get().userId(),
                    Map.of("sessionId", sessionId, "userId", s.get().userId())), client);
            events.publish(DomainEvent.of("session.revoked", sessionId, s.get().userId(),
                    Map.of("sessionId", sessionId, "userId", s.get().userId(), "reason", "refresh_token_reused")), client);
        }
        return new Rotation.Reused(sessionId);
    }

    private String newRefreshToken(Session s, Instant now) {
        String raw = random.next("rt");
        sessions.insertRefreshToken(Hashes.sha256Hex(raw), s.id(), now, s.expiresAt());
        return raw;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
