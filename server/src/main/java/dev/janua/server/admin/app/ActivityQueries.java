package dev.janua.server.admin.app;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads behind admin metrics and analytics: sessions and the domain event log. */
@Repository
public class ActivityQueries {
    private final JdbcClient jdbc;

    public ActivityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record EventRow(String type, String subjectId, Instant at) {}

    public record SessionRow(String id, Instant createdAt, Instant lastActiveAt, Instant endedAt, String ipAddress, String userAgent) {}

    public long totalUsers() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    /** Users with a second factor enabled (the MFA adoption of the console's overview). */
    public long mfaUsers() {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE mfa_enabled = TRUE").query(Long.class).single();
    }

    public long activeSessions(Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM sessions WHERE revoked_at IS NULL AND expires_at > :now")
                .param("now", Sql.ts(now)).query(Long.class).single();
    }

    /** Users with a session used since {@code since}. */
    public long activeUsers(Instant since) {
        return jdbc.sql("SELECT COUNT(DISTINCT user_id) FROM sessions WHERE last_active_at >= :since")
                .param("since", Sql.ts(since)).query(Long.class).single();
    }

    /** Streams events of the given types in [from, to). */
    public void events(List<String> types, Instant from, Instant to, Consumer<EventRow> sink) {
        jdbc.sql("SELECT type, subject_id, occurred_at FROM domain_events WHERE type IN (:types) AND occurred_at >= :from AND occurred_at < :to")
                .param("types", types).param("from", Sql.ts(from)).param("to", Sql.ts(to))
                .query((RowCallbackHandler) rs -> sink.accept(new EventRow(rs.getString(1), rs.getString(2), Sql.instant(rs, "occurred_at"))));
    }

    public List<Instant> userEvents(String userId, String type, Instant from, Instant to) {
        return jdbc.sql("SELECT occurred_at FROM domain_events WHERE subject_id = :u AND type = :t AND occurred_at >= :from AND occurred_at < :to")
                .param("u", userId).param("t", type).param("from", Sql.ts(from)).param("to", Sql.ts(to))
                .query((rs, i) -> Sql.instant(rs, "occurred_at")).list();
    }

    public List<SessionRow> userSessions(String userId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT id, created_at, last_active_at, revoked_at, expires_at, ip_address, user_agent FROM sessions
                WHERE user_id = :u AND created_at >= :from AND created_at < :to ORDER BY created_at""")
                .param("u", userId).param("from", Sql.ts(from)).param("to", Sql.ts(to))
                .query((rs, i) -> {
                    Instant revoked = Sql.instant(rs, "revoked_at");
                    Instant expires = Sql.instant(rs, "expires_at");
                    Instant last = Sql.instant(rs, "last_active_at");
                    Instant ended = revoked != null ? revoked : last.isAfter(expires) ? expires : last;
                    return new SessionRow(rs.getString("id"), Sql.instant(rs, "created_at"), last, ended,
                            rs.getString("ip_address"), rs.getString("user_agent"));
                }).list();
    }
}
