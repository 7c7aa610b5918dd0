package dev.janua.server.sessions;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Sessions and their rotating refresh tokens, as other modules use them. */
public interface SessionDirectory {
    /** Starts a session (a new id at every sign-in) and issues its first refresh token. */
    StartedSession start(String userId, String authMethod, boolean rememberMe, Duration timeoutOverride, ClientInfo client);

    Optional<Session> findLive(String sessionId);

    /**
     * {@link #findLive} through this node's cache, for the per-request token check: a revocation removes
     * the entry at commit here and on every other node (docs/sessions.md, "Per-node cache"). Not for
     * decisions taken inside a transaction that changes the session.
     */
    Optional<Session> findLiveCached(String sessionId);

    Optional<Session> find(String sessionId);

    List<Session> listLive(String userId);

    /** Sessions of every user not revoked nor past their absolute expiry, newest first (for administrators). */
    List<Session> listAllUnrevoked(String beforeId, int limit);

    /** The user's own session (live or ended); anyone else's answers {@code SESSION_NOT_FOUND}, like an unknown id. */
    default Session requireOwn(String sessionId, String userId) {
        return find(sessionId).filter(s -> s.userId().equals(userId))
                .orElseThrow(() -> new JanuaException(ErrorCode.SESSION_NOT_FOUND));
    }

    /** Marks activity, at most once per resolution interval to keep the hot path read-only. */
    void touch(Session session);

    boolean revoke(String sessionId, String reason, ClientInfo client);

    int revokeAllForUser(String userId, String exceptSessionId, String reason, ClientInfo client);

    /**
     * Redeems a refresh token: rotated (or, for the token just spent within the reuse grace window, the same
     * successor again), reused (session revoked, committed) or invalid.
     */
    Rotation rotate(String rawRefreshToken, ClientInfo client);

    record StartedSession(Session session, String refreshToken) {}

    sealed interface Rotation {
        record Rotated(Session session, String refreshToken) implements Rotation {}

        record Reused(String sessionId) implements Rotation {}

        record Invalid(String reason) implements Rotation {}
    }
}
