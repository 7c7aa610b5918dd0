package dev.janua.server.audit;

import dev.janua.server.audit.domain.AuditHasher;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test fixture: appends correctly chained synthetic audit records after the current chain head
 * (ids {@code log_seed<position>}, negative {@code event_seq}), so verification can be tested over
 * thousands of records. The benchmark's bulk version is {@code bench/…/AuditChainSeeder}; neither
 * ships in the server jar.
 */
final class SyntheticAuditChain {
    static final String[] TYPES = {"user.signin", "session.created", "user.updated", "user.signout"};

    private SyntheticAuditChain() {}

    /** Appends {@code count} records; returns the new last position. */
    static long seed(JdbcClient jdbc, TransactionTemplate tx, long count) {
        return tx.execute(status -> {
            Map<String, Object> head = jdbc.sql("SELECT last_position, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                    .query().singleRow();
            long position = ((Number) head.get("last_position")).longValue();
            byte[] previous = new byte[32];
            AuditHasher.decodeHex((String) head.get("last_hash"), previous);
            AuditHasher hasher = new AuditHasher();
            long baseMs = System.currentTimeMillis() - count;
            String hash = null;
            for (long i = 0; i < count; i++) {
                position++;
                String user = "usr_seed" + (position % 100);
                var f = new AuditHasher.Fields(position, "log_seed" + position, -position, "evt_seed" + position,
                        TYPES[(int) (position % TYPES.length)], user, user, user, null, "10.0.0." + (position % 200), "synthetic",
                        "req_seed" + position, "{\"userId\":\"" + user + "\"}", null, baseMs + i);
                hash = hasher.hashHex(previous, f);
                System.arraycopy(hasher.lastHash(), 0, previous, 0, 32);
                jdbc.sql("INSERT INTO audit_log (position, id, event_seq, event_id, event_type, user_id, actor_id, subject_id, "
                                + "organization_id, ip_address, user_agent, request_id, details, risk_score, occurred_ms, hash) "
                                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                        .params(f.position(), f.id(), f.eventSeq(), f.eventId(), f.eventType(), f.userId(), f.actorId(), f.subjectId(),
                                f.organizationId(), f.ipAddress(), f.userAgent(), f.requestId(), f.details(), f.riskScore(),
                                f.occurredMs(), hash)
                        .update();
            }
            jdbc.sql("UPDATE audit_chain_head SET last_position = ?, last_hash = ? WHERE id = 1").params(position, hash).update();
            return position;
        });
    }
}
