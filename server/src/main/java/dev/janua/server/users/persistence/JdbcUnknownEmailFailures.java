package dev.janua.server.users.persistence;

import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.users.PasswordChecks;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code unknown_email_failures}: the lockout counter of emails without an account, with
 * the same arithmetic as {@link JdbcUserRepository#incrementFailedAttempts}.
 */
@Repository
public class JdbcUnknownEmailFailures {
    private final JdbcClient jdbc;

    public JdbcUnknownEmailFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(int failedAttempts, Instant lockedUntil) {}

    /** Counts one failure unless the key is locked; false when there is no row or it is locked. */
    public boolean increment(String key, Instant now, int threshold, Instant lockUntil, int hardThreshold) {
        return jdbc.sql("""
                UPDATE unknown_email_failures SET failed_attempts = failed_attempts + 1, last_failed_at = :now,
                  locked_until = CASE WHEN failed_attempts + 1 >= :hard THEN :forever
                                      WHEN MOD(failed_attempts + 1, :threshold) = 0 THEN :until
                                      ELSE locked_until END
                WHERE email_key = :k AND (locked_until IS NULL OR locked_until <= :now)""")
                .param("hard", hardThreshold).param("forever", Sql.ts(PasswordChecks.LOCKED_INDEFINITELY))
                .param("threshold", threshold).param("until", Sql.ts(lockUntil))
                .param("k", key).param("now", Sql.ts(now))
                .update() == 1;
    }

    /** The first failure of a key; throws {@code DuplicateKeyException} when a parallel one inserted first. */
    public void insertFirst(String key, Instant lockedUntil, Instant now) {
        jdbc.sql("INSERT INTO unknown_email_failures (email_key, failed_attempts, locked_until, last_failed_at) VALUES (:k, 1, :l, :now)")
                .param("k", key).param("l", Sql.ts(lockedUntil)).param("now", Sql.ts(now)).update();
    }

    public Optional<Row> find(String key) {
        return jdbc.sql("SELECT failed_attempts, locked_until FROM unknown_email_failures WHERE email_key = :k").param("k", key)
                .query((rs, i) -> new Row(rs.getInt("failed_attempts"), Sql.instant(rs, "locked_until")))
                .optional();
    }

    /** An account now has this email: its own counter takes over. */
    public void delete(String key) {
        jdbc.sql("DELETE FROM unknown_email_failures WHERE email_key = :k").param("k", key).update();
    }

    /** Rows not locked now and untouched since {@code before}. */
    public int purge(Instant before, Instant now) {
        return jdbc.sql("""
                DELETE FROM unknown_email_failures
                WHERE last_failed_at < :before AND (locked_until IS NULL OR locked_until <= :now)""")
                .param("before", Sql.ts(before)).param("now", Sql.ts(now)).update();
    }
}
