package dev.janua.server.passkeys.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of ceremony challenges. They live in the database, not in one process's memory, so a
 * ceremony begun on one node finishes on any other; only their SHA-256 is stored.
 */
@Repository
public class JdbcPasskeyChallenges {
    private final JdbcClient jdbc;

    public JdbcPasskeyChallenges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code ceremony}: registration, authentication or second_factor. */
    public record ChallengeRow(String challengeHash, String ceremony, String userId, String mfaTokenHash, String userVerification,
                               Instant expiresAt, Instant usedAt) {}

    public void insert(ChallengeRow r, Instant now) {
        jdbc.sql("""
                INSERT INTO passkey_challenges (challenge_hash, ceremony, user_id, mfa_token_hash, user_verification, created_at, expires_at)
                VALUES (:h, :c, :u, :m, :uv, :now, :exp)""")
                .param("h", r.challengeHash()).param("c", r.ceremony()).param("u", r.userId()).param("m", r.mfaTokenHash())
                .param("uv", r.userVerification()).param("now", Sql.ts(now)).param("exp", Sql.ts(r.expiresAt())).update();
    }

    public Optional<ChallengeRow> find(String hash) {
        return jdbc.sql("SELECT * FROM passkey_challenges WHERE challenge_hash = :h").param("h", hash)
                .query((rs, i) -> new ChallengeRow(rs.getString("challenge_hash"), rs.getString("ceremony"), rs.getString("user_id"),
                        rs.getString("mfa_token_hash"), rs.getString("user_verification"), Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "used_at")))
                .optional();
    }

    /** Single use: one conditional UPDATE, so of two parallel responses to one challenge exactly one gets it. */
    public boolean spend(String hash, Instant now) {
        return jdbc.sql("UPDATE passkey_challenges SET used_at = :now WHERE challenge_hash = :h AND used_at IS NULL AND expires_at > :now")
                .param("now", Sql.ts(now)).param("h", hash).update() == 1;
    }

    public int deleteExpired(Instant before) {
        return jdbc.sql("DELETE FROM passkey_challenges WHERE expires_at < :t").param("t", Sql.ts(before)).update();
    }
}
