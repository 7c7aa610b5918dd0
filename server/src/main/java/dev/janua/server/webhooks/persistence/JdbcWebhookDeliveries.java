package dev.janua.server.webhooks.persistence;

import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.webhooks.domain.Delivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the webhook outbox: deliveries and their attempts. */
@Repository
public class JdbcWebhookDeliveries {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public JdbcWebhookDeliveries(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void insert(List<Delivery> deliveries) {
        template.batchUpdate("""
                INSERT INTO webhook_deliveries (id, endpoint_id, event_seq, event_id, event_type, payload, status, attempts,
                    next_attempt_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,0,?,?,?)""", deliveries, 500, (ps, d) -> {
            ps.setString(1, d.id());
            ps.setString(2, d.endpointId());
            if (d.eventSeq() == null) ps.setNull(3, Types.BIGINT); else ps.setLong(3, d.eventSeq());
            ps.setString(4, d.eventId());
            ps.setString(5, d.eventType());
            ps.setString(6, d.payload());
            ps.setString(7, d.status());
            ps.setObject(8, Sql.ts(d.nextAttemptAt()));
            ps.setObject(9, Sql.ts(d.createdAt()));
            ps.setObject(10, Sql.ts(d.createdAt()));
        });
    }

    /**
     * Claims up to {@code n} due deliveries for this process: pending ones whose time has come and
     * ones whose claimer's lease ran out (it died). {@code FOR UPDATE SKIP LOCKED} lets several
     * processes claim side by side without ever taking the same row. Call inside a transaction.
     */
    public List<Delivery> claim(Instant now, Instant leaseUntil, String token, int n) {
        List<String> ids = jdbc.sql("""
                SELECT id FROM webhook_deliveries
                WHERE ((status = 'pending' AND next_attempt_at <= :now) OR (status = 'delivering' AND lease_until < :now))
                  AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE active = TRUE)
                ORDER BY next_attempt_at LIMIT :n FOR UPDATE SKIP LOCKED""")
                .param("now", Sql.ts(now)).param("n", n).query(String.class).list();
        if (ids.isEmpty()) return List.of();
        jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'delivering', attempts = attempts + 1, lease_until = :lease,
                    claim_token = :token, updated_at = :now WHERE id IN (:ids)""")
                .param("lease", Sql.ts(leaseUntil)).param("token", token).param("now", Sql.ts(now)).param("ids", ids).update();
        return jdbc.sql("SELECT * FROM webhook_deliveries WHERE id IN (:ids)").param("ids", ids)
                .query(JdbcWebhookDeliveries::map).list();
    }

    /** When the earliest delivery the dispatcher could claim falls due (empty: none); see the notification outbox's. */
    public Optional<Instant> nextDue() {
        return jdbc.sql("""
                SELECT MIN(due) AS due FROM (SELECT MIN(next_attempt_at) AS due FROM webhook_deliveries WHERE status = 'pending'
                    AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE active = TRUE)
                UNION ALL SELECT MIN(lease_until) FROM webhook_deliveries WHERE status = 'delivering'
                    AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE active = TRUE)) d""")
                .query((rs, i) -> Optional.ofNullable(Sql.instant(rs, "due"))).single();
    }

    /** Claims one given pending delivery (a test send made by the request itself). */
    public Optional<Delivery> claimOne(String id, Instant now, Instant leaseUntil, String token) {
        int n = jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'delivering', attempts = attempts + 1, lease_until = :lease,
                    claim_token = :token, updated_at = :now WHERE id = :id AND status = 'pending'""")
                .param("lease", Sql.ts(leaseUntil)).param("token", token).param("now", Sql.ts(now)).param("id", id).update();
        if (n != 1) return Optional.empty();
        return jdbc.sql("SELECT * FROM webhook_deliveries WHERE id = :id").param("id", id).query(JdbcWebhookDeliveries::map).optional();
    }

    /** Records the outcome of an attempt, only if this claim still holds the delivery. */
    public boolean finish(String id, String token, String status, Instant nextAttemptAt, Integer statusCode, String error,
                          Instant now, boolean completed) {
        return jdbc.sql("""
                UPDATE webhook_deliveries SET status = :status, next_attempt_at = :next, last_status_code = :code,
                    last_error = :error, lease_until = NULL, claim_token = NULL, updated_at = :now, completed_at = :done
                WHERE id = :id AND claim_token = :token""")
                .param("status", status).param("next", Sql.ts(nextAttemptAt)).param("code", statusCode, Types.INTEGER)
                .param("error", error).param("now", Sql.ts(now)).param("done", completed ? Sql.ts(now) : null, Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", id).param("token", token).update() == 1;
    }

    /** Gives a claimed delivery back without counting an attempt (the endpoint's rate limit was reached). */
    public void postpone(String id, String token, Instant until, Instant now) {
        jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'pending', attempts = attempts - 1, next_attempt_at = :until,
                    lease_until = NULL, claim_token = NULL, updated_at = :now WHERE id = :id AND claim_token = :token""")
                .param("until", Sql.ts(until)).param("now", Sql.ts(now)).param("id", id).param("token", token).update();
    }

    public void recordAttempt(String deliveryId, Delivery.Attempt a) {
        jdbc.sql("""
                INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, duration_ms, status_code, error, response_excerpt)
                VALUES (:d, :n, :at, :ms, :code, :error, :body)""")
                .param("d", deliveryId).param("n", a.attempt()).param("at", Sql.ts(a.attemptedAt())).param("ms", a.durationMs())
                .param("code", a.statusCode(), Types.INTEGER).param("error", a.error()).param("body", a.responseExcerpt()).update();
    }

    /** Sends a finished delivery again (same webhook-id), or brings a waiting one forward; false if in flight or unknown. */
    public boolean redeliver(String endpointId, String id, Instant now) {
        return jdbc.sql("""
                UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = :now, completed_at = NULL, updated_at = :now
                WHERE id = :id AND endpoint_id = :e AND status <> 'delivering'""")
                .param("now", Sql.ts(now)).param("id", id).param("e", endpointId).update() == 1;
    }

    public Optional<Delivery> find(String endpointId, String id) {
        return jdbc.sql("SELECT * FROM webhook_deliveries WHERE id = :id AND endpoint_id = :e").param("id", id).param("e", endpointId)
                .query(JdbcWebhookDeliveries::map).optional();
    }

    /** Newest first; {@code before} is the cursor (a delivery id). */
    public List<Delivery> list(String endpointId, String status, String before, int offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM webhook_deliveries WHERE endpoint_id = :e AND (:status = '' OR status = :status)
                  AND (:before = '' OR id < :before) ORDER BY id DESC LIMIT :n OFFSET :o""")
                .param("e", endpointId).param("status", status == null ? "" : status).param("before", before == null ? "" : before)
                .param("n", limit).param("o", offset).query(JdbcWebhookDeliveries::map).list();
    }

    public List<Delivery.Attempt> attempts(String deliveryId) {
        return jdbc.sql("SELECT * FROM webhook_attempts WHERE delivery_id = :d ORDER BY attempt").param("d", deliveryId)
                .query((rs, i) -> {
                    int code = rs.getInt("status_code");
                    return new Delivery.Attempt(rs.getInt("attempt"), Sql.instant(rs, "attempted_at"), rs.getInt("duration_ms"),
                            rs.wasNull() ? null : code, rs.getString("error"), rs.getString("response_excerpt"));
                }).list();
    }

    /** Deliveries by status, for health reports. */
    public Map<String, Long> countByStatus() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM webhook_deliveries GROUP BY status")
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    static Delivery map(ResultSet rs, int i) throws SQLException {
        long seq = rs.getLong("event_seq");
        Long eventSeq = rs.wasNull() ? null : seq;
        int code = rs.getInt("last_status_code");
        Integer lastCode = rs.wasNull() ? null : code;
        return new Delivery(rs.getString("id"), rs.getString("endpoint_id"), eventSeq, rs.getString("event_id"),
                rs.getString("event_type"), rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"),
                Sql.instant(rs, "next_attempt_at"), lastCode, rs.getString("last_error"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"), Sql.instant(rs, "completed_at"));
    }
}
