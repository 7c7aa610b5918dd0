package dev.janua.server.sessions.persistence;

import dev.janua.server.platform.cache.Invalidations;
import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.sessions.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of sessions and refresh tokens. */
@Repository
public class JdbcSessionRepository {
    private final JdbcClient jdbc;
    private final Invalidations invalidations;

    public JdbcSessionRepository(JdbcClient jdbc, Invalidations invalidations) {
        this.jdbc = jdbc;
        this.invalidations = invalidations;
    }

    public void insert(Session s) {
        jdbc.sql("""
                INSERT INTO sessions (id, user_id, created_at, last_active_at, expires_at, idle_timeout_s, remember_me,
                                      auth_method, ip_address, user_agent)
                VALUES (:id, :user, :created, :active, :expires, :idle, :remember, :method, :ip, :ua)""")
                .param("id", s.id()).param("user", s.userId()).param("created", Sql.ts(s.createdAt()))
                .param("active", Sql.ts(s.lastActiveAt())).param("expires", Sql.ts(s.expiresAt()))
                .param("idle", (int) s.idleTimeout().toSeconds()).param("remember", s.rememberMe())
                .param("method", s.authMethod()).param("ip", s.ipAddress()).param("ua", s.userAgent())
                .update();
    }

    public Optional<Session> find(String id) {
        return jdbc.sql("SELECT * FROM sessions WHERE id = :id").param("id", id).query(JdbcSessionRepository::map).optional();
    }

    public List<Session> listUnrevoked(String userId, Instant now) {
        return jdbc.sql("SELECT * FROM sessions WHERE user_id = :u AND revoked_at IS NULL AND expires_at > :now ORDER BY created_at DESC")
                .param("u", userId).param("now", Sql.ts(now)).query(JdbcSessionRepository::map).list();
    }

    /** Unrevoked, unexpired sessions of every user, newest id first (ids are time-ordered), by keyset after {@code beforeId}. */
    public List<Session> listUnrevokedAll(String beforeId, int limit, Instant now) {
        return jdbc.sql("SELECT * FROM sessions WHERE revoked_at IS NULL AND expires_at > :now"
                        + (beforeId == null ? "" : " AND id < :before") + " ORDER BY id DESC LIMIT :limit")
                .param("now", Sql.ts(now)).param("before", beforeId).param("limit", limit).query(JdbcSessionRepository::map).list();
    }

    public void touch(String id, Instant now) {
        jdbc.sql("UPDATE sessions SET last_active_at = :now WHERE id = :id AND last_active_at < :now")
                .param("now", Sql.ts(now)).param("id", id).update();
    }

    /** Ends the session; cached copies of it go at commit, on every node ({@link Invalidations}). */
    public boolean revoke(String id, String reason, Instant now) {
        invalidations.invalidate(id);
        return jdbc.sql("UPDATE sessions SET revoked_at = :now, revoked_reason = :r WHERE id = :id AND revoked_at IS NULL")
                .param("now", Sql.ts(now)).param("r", reason).param("id", id).update() == 1;
    }

    public List<String> unrevokedIds(String userId, String exceptId) {
        return jdbc.sql("SELECT id FROM sessions WHERE user_id = :u AND revoked_at IS NULL AND id <> :except")
                .param("u", userId).param("except", exceptId == null ? "" : exceptId).query(String.class).list();
    }

    /**
     * Unrevoked sessions past their absolute expiry, or (not "remember me") unused since
     * {@code idleCutoff}. Remember-me sessions idle out only at their absolute expiry.
     */
    public List<Session> expiryCandidates(Instant now, Instant idleCutoff, int limit) {
        return jdbc.sql("""
                SELECT * FROM sessions WHERE revoked_at IS NULL
                  AND (expires_at <= :now OR (remember_me = FALSE AND last_active_at <= :idle))
                ORDER BY last_active_at LIMIT :n""")
                .param("now", Sql.ts(now)).param("idle", Sql.ts(idleCutoff)).param("n", limit)
                .query(JdbcSessionRepository::map).list();
    }

    public void insertRefreshToken(String hash, String sessionId, Instant now, Instant expires) {
        jdbc.sql("INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) VALUES (:h, :s, :now, :exp)")
                .param("h", hash).param("s", sessionId).param("now", Sql.ts(now)).param("exp", Sql.ts(expires)).update();
    }

    public record RefreshTokenRow(String sessionId, Instant expiresAt, Instant rotatedAt) {}

    public Optional<RefreshTokenRow> findRefreshToken(String hash) {
        return jdbc.sql("SELECT session_id, expires_at, rotated_at FROM refresh_tokens WHERE token_hash = :h").param("h", hash)
                .query((rs, i) -> new RefreshTokenRow(rs.getString("session_id"), Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "rotated_at")))
                .optional();
    }

    /**
     * Spends the token when it is neither spent nor expired: exactly one of N concurrent redemptions
     * sees 1 row here; the others see 0 and are a replay.
     */
    public boolean markRotated(String hash, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET rotated_at = :now WHERE token_hash = :h AND rotated_at IS NULL AND expires_at > :now")
                .param("now", Sql.ts(now)).param("h", hash).update() == 1;
    }

    /**
     * Takes the row lock of the session a refresh token belongs to (found by the token's hash) for the
     * rest of the transaction, and reads that session under it: every rotation decision of one session
     * (rotate, grace answer, reuse revocation) runs one at a time, on H2 and PostgreSQL alike. Empty
     * when no such token (or session) exists.
     */
    public Optional<Session> lockSessionOfToken(String tokenHash) {
        return jdbc.sql("SELECT * FROM sessions WHERE id = (SELECT session_id FROM refresh_tokens WHERE token_hash = :h) FOR UPDATE")
                .param("h", tokenHash).query(JdbcSessionRepository::map).optional();
    }

    /** The session's latest rotation, while its grace window may still be open. */
    public record GraceRow(String spentHash, String sealedSuccessor, Instant graceUntil) {}

    public Optional<GraceRow> findGrace(String sessionId) {
        return jdbc.sql("SELECT spent_hash, sealed_successor, grace_until FROM refresh_token_grace WHERE session_id = :s")
                .param("s", sessionId)
                .query((rs, i) -> new GraceRow(rs.getString("spent_hash"), rs.getString("sealed_successor"),
                        Sql.instant(rs, "grace_until")))
                .optional();
    }

    /**
     * Replaces the session's grace row (one per session: only the latest rotation can be replayed). Call
     * under {@link #lockSessionOfToken}, which also makes update-else-insert safe: in a refresh chain the row
     * is usually there, so this is one statement.
     */
    public void replaceGrace(String sessionId, String spentHash, String sealedSuccessor, Instant graceUntil) {
        int updated = jdbc.sql("UPDATE refresh_token_grace SET spent_hash = :h, sealed_successor = :sealed, grace_until = :until WHERE session_id = :s")
                .param("s", sessionId).param("h", spentHash).param("sealed", sealedSuccessor).param("until", Sql.ts(graceUntil))
                .update();
        if (updated == 1) return;
        jdbc.sql("INSERT INTO refresh_token_grace (session_id, spent_hash, sealed_successor, grace_until) VALUES (:s, :h, :sealed, :until)")
                .param("s", sessionId).param("h", spentHash).param("sealed", sealedSuccessor).param("until", Sql.ts(graceUntil))
                .update();
    }

    public void deleteGrace(String sessionId) {
        jdbc.sql("DELETE FROM refresh_token_grace WHERE session_id = :s").param("s", sessionId).update();
    }

    /** Wipes the sealed successors whose window has closed. */
    public int deleteClosedGrace(Instant now) {
        return jdbc.sql("DELETE FROM refresh_token_grace WHERE grace_until <= :now").param("now", Sql.ts(now)).update();
    }

    private static Session map(ResultSet rs, int row) throws SQLException {
        return new Session(rs.getString("id"), rs.getString("user_id"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "last_active_at"), Sql.instant(rs, "expires_at"),
                Duration.ofSeconds(rs.getInt("idle_timeout_s")), Sql.instant(rs, "revoked_at"),
                rs.getString("revoked_reason"), rs.getBoolean("remember_me"), rs.getString("auth_method"),
                rs.getString("ip_address"), rs.getString("user_agent"));
    }
}
