package dev.janua.server.mfa.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of sign-in challenges and trusted devices. */
@Repository
public class JdbcChallengeRepository {
    private final JdbcClient jdbc;

    public JdbcChallengeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ChallengeRow(String tokenHash, String userId, String kind, String firstFactor, boolean rememberMe,
                               int attempts, int maxAttempts, Instant expiresAt, Instant completedAt) {}

    public void insert(String hash, String userId, String kind, String firstFactor, boolean rememberMe, int maxAttempts,
                       Instant now, Instant expires) {
        jdbc.sql("""
                INSERT INTO mfa_challenges (token_hash, user_id, kind, first_factor, remember_me, max_attempts, created_at, expires_at)
                VALUES (:h, :u, :k, :f, :r, :max, :now, :exp)""")
                .param("h", hash).param("u", userId).param("k", kind).param("f", firstFactor).param("r", rememberMe)
                .param("max", maxAttempts).param("now", Sql.ts(now)).param("exp", Sql.ts(expires)).update();
    }

    public Optional<ChallengeRow> find(String hash) {
        return jdbc.sql("SELECT * FROM mfa_challenges WHERE token_hash = :h").param("h", hash)
                .query((rs, i) -> new ChallengeRow(rs.getString("token_hash"), rs.getString("user_id"), rs.getString("kind"),
                        rs.getString("first_factor"), rs.getBoolean("remember_me"), rs.getInt("attempts"),
                        rs.getInt("max_attempts"), Sql.instant(rs, "expires_at"), Sql.instant(rs, "completed_at")))
                .optional();
    }

    /**
     * Takes one attempt. The row lock serialises parallel attempts and the WHERE clause is
     * re-checked after it, so no more than max_attempts codes are ever tried on one challenge.
     */
    public boolean takeAttempt(String hash, Instant now) {
        return jdbc.sql("""
                UPDATE mfa_challenges SET attempts = attempts + 1
                WHERE token_hash = :h AND completed_at IS NULL AND expires_at > :now AND attempts < max_attempts""")
                .param("h", hash).param("now", Sql.ts(now)).update() == 1;
    }

    /** Moves a challenge from one kind to the next, only from the expected kind (so it happens once). */
    public boolean changeKind(String hash, String from, String to) {
        return jdbc.sql("UPDATE mfa_challenges SET kind = :to WHERE token_hash = :h AND kind = :from AND completed_at IS NULL")
                .param("to", to).param("h", hash).param("from", from).update() == 1;
    }

    /** Single use: exactly one completion per challenge. */
    public boolean complete(String hash, Instant now) {
        return jdbc.sql("UPDATE mfa_challenges SET completed_at = :now WHERE token_hash = :h AND completed_at IS NULL AND expires_at > :now")
                .param("now", Sql.ts(now)).param("h", hash).update() == 1;
    }

    public void deleteExpired(Instant before) {
        jdbc.sql("DELETE FROM mfa_challenges WHERE expires_at < :t").param("t", Sql.ts(before)).update();
    }

    // --- trusted devices ----------------------------------------------------------------------

    public record TrustedDeviceRow(String id, String userId, String userAgent, String ipAddress, Instant createdAt,
                                   Instant expiresAt, Instant lastUsedAt) {}

    public void insertDevice(String id, String userId, String tokenHash, String userAgent, String ip, Instant now, Instant expires) {
        jdbc.sql("""
                INSERT INTO mfa_trusted_devices (id, user_id, token_hash, user_agent, ip_address, created_at, expires_at)
                VALUES (:id, :u, :h, :ua, :ip, :now, :exp)""")
                .param("id", id).param("u", userId).param("h", tokenHash).param("ua", userAgent).param("ip", ip)
                .param("now", Sql.ts(now)).param("exp", Sql.ts(expires)).update();
    }

    /** True when the token is this user's, unrevoked and unexpired; marks it used. */
    public boolean useDevice(String userId, String tokenHash, Instant now) {
        return jdbc.sql("""
                UPDATE mfa_trusted_devices SET last_used_at = :now
                WHERE token_hash = :h AND user_id = :u AND revoked_at IS NULL AND expires_at > :now""")
                .param("now", Sql.ts(now)).param("h", tokenHash).param("u", userId).update() == 1;
    }

    public List<TrustedDeviceRow> liveDevices(String userId, Instant now) {
        return jdbc.sql("""
                SELECT id, user_id, user_agent, ip_address, created_at, expires_at, last_used_at FROM mfa_trusted_devices
                WHERE user_id = :u AND revoked_at IS NULL AND expires_at > :now ORDER BY id DESC""")
                .param("u", userId).param("now", Sql.ts(now))
                .query((rs, i) -> new TrustedDeviceRow(rs.getString("id"), rs.getString("user_id"), rs.getString("user_agent"),
                        rs.getString("ip_address"), Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "last_used_at")))
                .list();
    }

    public boolean revokeDevice(String userId, String id, Instant now) {
        return jdbc.sql("UPDATE mfa_trusted_devices SET revoked_at = :now WHERE id = :id AND user_id = :u AND revoked_at IS NULL")
                .param("now", Sql.ts(now)).param("id", id).param("u", userId).update() == 1;
    }

    public int revokeAllDevices(String userId, Instant now) {
        return jdbc.sql("UPDATE mfa_trusted_devices SET revoked_at = :now WHERE user_id = :u AND revoked_at IS NULL")
                .param("now", Sql.ts(now)).param("u", userId).update();
    }
}
