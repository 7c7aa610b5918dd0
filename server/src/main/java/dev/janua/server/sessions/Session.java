package dev.janua.server.sessions;

import java.time.Duration;
import java.time.Instant;

/** A server-side session: every access token names one, and Janua checks it is live on each call. */
public record Session(String id, String userId, Instant createdAt, Instant lastActiveAt, Instant expiresAt,
                      Duration idleTimeout, Instant revokedAt, String revokedReason, boolean rememberMe,
                      String authMethod, String ipAddress, String userAgent) {

    /**
     * Live when not revoked, before its absolute expiry, and used within its idle window. The idle
     * window never ends before the last access token issued for it would, so a client that
     * refreshes only when its access token expires keeps its session.
     */
    public boolean liveAt(Instant now, Duration accessTokenTtl) {
        if (revokedAt != null || !now.isBefore(expiresAt)) return false;
        Duration idle = idleTimeout.compareTo(accessTokenTtl) > 0 ? idleTimeout : accessTokenTtl;
        return now.isBefore(lastActiveAt.plus(idle));
    }

    public Session withLastActiveAt(Instant at) {
        return new Session(id, userId, createdAt, at, expiresAt, idleTimeout, revokedAt, revokedReason, rememberMe,
                authMethod, ipAddress, userAgent);
    }
}
