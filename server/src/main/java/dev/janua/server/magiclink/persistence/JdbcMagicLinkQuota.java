package dev.janua.server.magiclink.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-email send quota: a fixed window per email, taken slot by slot with conditional
 * UPDATEs so that parallel requests never exceed the limit. Runs outside any transaction (a
 * duplicate-key insert would abort one on PostgreSQL).
 */
@Repository
public class JdbcMagicLinkQuota {
    private final JdbcClient jdbc;

    public JdbcMagicLinkQuota(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean take(String email, Instant now, Duration window, int limit) {
        Instant floor = now.minus(window);
        for (int attempt = 0; attempt < 2; attempt++) {
            if (jdbc.sql("""
                    UPDATE magic_link_quota SET sent_count = sent_count + 1
                    WHERE email_normalized = :e AND window_start > :floor AND sent_count < :limit""")
                    .param("e", email).param("floor", Sql.ts(floor)).param("limit", limit).update() == 1) return true;
            if (jdbc.sql("UPDATE magic_link_quota SET window_start = :now, sent_count = 1 WHERE email_normalized = :e AND window_start <= :floor")
                    .param("now", Sql.ts(now)).param("e", email).param("floor", Sql.ts(floor)).update() == 1) return true;
            try {
                jdbc.sql("INSERT INTO magic_link_quota (email_normalized, window_start, sent_count) VALUES (:e, :now, 1)")
                        .param("e", email).param("now", Sql.ts(now)).update();
                return true;
            } catch (DuplicateKeyException e) {
                // the row exists (full, or inserted by a parallel request just now): look again once
            }
        }
        return false;
    }

    public Optional<Instant> windowStart(String email) {
        return jdbc.sql("SELECT window_start FROM magic_link_quota WHERE email_normalized = :e").param("e", email)
                .query((rs, i) -> Sql.instant(rs, "window_start")).optional();
    }
}
