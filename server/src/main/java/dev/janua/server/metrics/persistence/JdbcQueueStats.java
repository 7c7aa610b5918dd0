package dev.janua.server.metrics.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counts behind the state gauges, read every refresh interval (never per scrape). Each query
 * is answered from an index: {@code (status, next_attempt_at)} for both outboxes.
 */
@Repository
public class JdbcQueueStats {
    /** How many items wait (or are being sent) and when the oldest of them was queued (null when none). */
    public record Queue(String name, long depth, Instant oldest) {}

    private final JdbcClient jdbc;

    JdbcQueueStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long activeSessions(Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM sessions WHERE revoked_at IS NULL AND expires_at > :now")
                .param("now", Sql.ts(now)).query(Long.class).single();
    }

    /** Deliveries pending or claimed; a delivery of a paused endpoint waits here too. */
    public Queue webhookDeliveries() {
        return jdbc.sql("SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM webhook_deliveries WHERE status IN ('pending', 'delivering')")
                .query((rs, i) -> new Queue("webhook", rs.getLong("n"), Sql.instant(rs, "oldest"))).single();
    }

    /** Per channel (email, sms, push, job): messages pending or being sent. */
    public List<Queue> notificationOutbox() {
        List<Queue> out = new ArrayList<>();
        jdbc.sql("""
                SELECT channel, COUNT(*) AS n, MIN(created_at) AS oldest FROM notification_outbox
                WHERE status IN ('pending', 'sending') GROUP BY channel""")
                .query((rs, i) -> new Queue(rs.getString("channel"), rs.getLong("n"), Sql.instant(rs, "oldest")))
                .list().forEach(out::add);
        return out;
    }
}
