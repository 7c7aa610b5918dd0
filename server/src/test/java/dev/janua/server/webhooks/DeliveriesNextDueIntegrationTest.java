package dev.janua.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.webhooks.persistence.JdbcWebhookDeliveries;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher sleeps until the earliest delivery it could claim falls due (not polling at its
 * short interval while a retry waits): that time is a pending retry's, or a claimed delivery's
 * lease end; finished deliveries and those of a paused endpoint do not count. Run in a transaction
 * that is rolled back, with the shared database's other unfinished deliveries hidden in it.
 */
class DeliveriesNextDueIntegrationTest extends IntegrationTest {
    @Autowired
    JdbcWebhookDeliveries deliveries;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theNextDueTimeIsTheEarliestRetryOrLeaseEndOfAnActiveEndpointsDeliveries() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        tx.executeWithoutResult(s -> {
            s.setRollbackOnly();
            jdbc.sql("UPDATE webhook_deliveries SET status = 'succeeded' WHERE status IN ('pending', 'delivering')").update();
            assertThat(deliveries.nextDue()).isEmpty();

            String active = endpoint(true, now);
            String paused = endpoint(false, now);
            delivery(active, "pending", now.plusSeconds(600), null, now);
            delivery(active, "failed", now.plusSeconds(1), null, now);
            delivery(paused, "pending", now.plusSeconds(2), null, now);
            assertThat(deliveries.nextDue()).contains(now.plusSeconds(600));

            delivery(active, "delivering", now, now.plusSeconds(300), now);
            assertThat(deliveries.nextDue()).as("a claim's lease end").contains(now.plusSeconds(300));
            delivery(active, "pending", now.plusSeconds(60), null, now);
            assertThat(deliveries.nextDue()).as("the earliest retry").contains(now.plusSeconds(60));
        });
    }

    private String endpoint(boolean active, Instant now) {
        String id = "wh_due" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO webhook_endpoints (id, url, events, secret_enc, active, starts_after_seq, created_at, updated_at)
                VALUES (:id, 'https://example.com/hook', 'user.created', 'sealed', :active, 0, :now, :now)""")
                .param("id", id).param("active", active).param("now", Sql.ts(now)).update();
        return id;
    }

    private void delivery(String endpoint, String status, Instant next, Instant lease, Instant now) {
        jdbc.sql("""
                INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, payload, status, next_attempt_at, lease_until,
                    created_at, updated_at) VALUES (:id, :e, 'evt_due', 'user.created', '{}', :status, :next, :lease, :now, :now)""")
                .param("id", "msg_due" + UUID.randomUUID().toString().substring(0, 8)).param("e", endpoint).param("status", status)
                .param("next", Sql.ts(next)).param("lease", Sql.ts(lease), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("now", Sql.ts(now)).update();
    }
}
