package dev.janua.server.notifications.persistence;

import dev.janua.server.notifications.domain.OutboxMessage;
import dev.janua.server.platform.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the email/SMS outbox; the shape of {@code JdbcWebhookDeliveries}. */
@Repository
public class JdbcNotificationOutbox {
    private final JdbcClient jdbc;

    public JdbcNotificationOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(OutboxMessage m) {
        jdbc.sql("""
                INSERT INTO notification_outbox (id, channel, template, recipient, body_sealed, status, attempts, next_attempt_at,
                    request_id, created_at, updated_at) VALUES (:id, :channel, :template, :to, :body, :status, 0, :next, :rid, :at, :at)""")
                .param("id", m.id()).param("channel", m.channel()).param("template", m.template()).param("to", m.recipient())
                .param("body", m.bodySealed()).param("status", m.status()).param("next", Sql.ts(m.nextAttemptAt()))
                .param("rid", m.requestId()).param("at", Sql.ts(m.createdAt())).update();
    }

    /**
     * Claims up to {@code n} due messages for this process: pending ones whose time has come (a
     * message never tried is due at once, whatever the clock says) and ones whose claimer's lease
     * ran out (it died). {@code FOR UPDATE SKIP LOCKED} lets several processes claim side by side
     * without ever taking the same row. Call inside a transaction.
     */
    public List<OutboxMessage> claim(Instant now, Instant leaseUntil, String token, int n) {
        List<String> ids = jdbc.sql("""
                SELECT id FROM notification_outbox
                WHERE (status = 'pending' AND (attempts = 0 OR next_attempt_at <= :now)) OR (status = 'sending' AND lease_until < :now)
                ORDER BY next_attempt_at LIMIT :n FOR UPDATE SKIP LOCKED""")
                .param("now", Sql.ts(now)).param("n", n).query(String.class).list();
        if (ids.isEmpty()) return List.of();
        jdbc.sql("""
                UPDATE notification_outbox SET status = 'sending', attempts = attempts + 1, lease_until = :lease,
                    claim_token = :token, updated_at = :now WHERE id IN (:ids)""")
                .param("lease", Sql.ts(leaseUntil)).param("token", token).param("now", Sql.ts(now)).param("ids", ids).update();
        return jdbc.sql("SELECT * FROM notification_outbox WHERE id IN (:ids)").param("ids", ids)
                .query(JdbcNotificationOutbox::map).list();
    }

    /**
     * When the earliest message still to be sent falls due (empty: none): a pending one's next
     * attempt, a claimed one's lease end. The dispatcher sleeps until then (a retry falling due
     * announces nothing), not polling at its short interval while a retry waits for minutes.
     * Index lookups on {@code (status, next_attempt_at)}, no count.
     */
    public Optional<Instant> nextDue() {
        return jdbc.sql("""
                SELECT MIN(due) AS due FROM (SELECT MIN(next_attempt_at) AS due FROM notification_outbox WHERE status = 'pending'
                UNION ALL SELECT MIN(lease_until) FROM notification_outbox WHERE status = 'sending') d""")
                .query((rs, i) -> Optional.ofNullable(Sql.instant(rs, "due"))).single();
    }

    /** Sent: the body (and the one-time tokens in it) is wiped. Only if this claim still holds the message. */
    public boolean markSent(String id, String token, Instant now) {
        return jdbc.sql("""
                UPDATE notification_outbox SET status = 'sent', body_sealed = NULL, sent_at = :now, last_error = NULL,
                    lease_until = NULL, claim_token = NULL, updated_at = :now WHERE id = :id AND claim_token = :token""")
                .param("now", Sql.ts(now)).param("id", id).param("token", token).update() == 1;
    }

    /** A failed attempt: pending again at {@code next}, or dead when {@code next} is null. */
    public boolean markFailed(String id, String token, String error, Instant next, Instant now) {
        return jdbc.sql("""
                UPDATE notification_outbox SET status = :status, next_attempt_at = :next, last_error = :error,
                    lease_until = NULL, claim_token = NULL, updated_at = :now WHERE id = :id AND claim_token = :token""")
                .param("status", next == null ? OutboxMessage.DEAD : OutboxMessage.PENDING)
                .param("next", Sql.ts(next == null ? now : next))
                .param("error", error).param("now", Sql.ts(now)).param("id", id).param("token", token).update() == 1;
    }

    /** A dead message gets a fresh set of attempts, a waiting one is brought forward; false otherwise. */
    public boolean redeliver(String id, Instant now) {
        return jdbc.sql("""
                UPDATE notification_outbox SET attempts = CASE WHEN status = 'dead' THEN 0 ELSE attempts END, status = 'pending',
                    next_attempt_at = :now, updated_at = :now WHERE id = :id AND status IN ('dead', 'pending') AND body_sealed IS NOT NULL""")
                .param("now", Sql.ts(now)).param("id", id).update() == 1;
    }

    public Optional<OutboxMessage> find(String id) {
        return jdbc.sql("SELECT * FROM notification_outbox WHERE id = :id").param("id", id).query(JdbcNotificationOutbox::map).optional();
    }

    /** Newest first; {@code statuses} empty means any; {@code before} is the cursor (an id). */
    public List<OutboxMessage> list(List<String> statuses, String channel, String before, int offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM notification_outbox WHERE status IN (:statuses) AND (:channel = '' OR channel = :channel)
                  AND (:before = '' OR id < :before) ORDER BY id DESC LIMIT :n OFFSET :o""")
                .param("statuses", statuses).param("channel", channel == null ? "" : channel)
                .param("before", before == null ? "" : before).param("n", limit).param("o", offset)
                .query(JdbcNotificationOutbox::map).list();
    }

    public Map<String, Long> countByStatus() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM notification_outbox GROUP BY status")
                .query((RowCallbackHandler) rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    /** Deletes sent and withheld rows last touched before {@code cutoff}; dead ones stay for an admin. */
    public int purge(Instant cutoff) {
        return jdbc.sql("DELETE FROM notification_outbox WHERE status IN ('sent', 'withheld') AND updated_at < :cutoff")
                .param("cutoff", Sql.ts(cutoff)).update();
    }

    static OutboxMessage map(ResultSet rs, int i) throws SQLException {
        return new OutboxMessage(rs.getString("id"), rs.getString("channel"), rs.getString("template"), rs.getString("recipient"),
                rs.getString("body_sealed"), rs.getString("status"), rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"),
                rs.getString("last_error"), rs.getString("request_id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
                Sql.instant(rs, "sent_at"));
    }
}
