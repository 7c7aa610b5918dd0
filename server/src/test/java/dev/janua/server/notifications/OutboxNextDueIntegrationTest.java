package dev.janua.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.notifications.domain.OutboxMessage;
import dev.janua.server.notifications.persistence.JdbcNotificationOutbox;
import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher sleeps until the earliest message still to be sent falls due (a retry, or a
 * claim's lease end), not polling at its short interval while a retry waits for minutes. Run in a
 * transaction that is rolled back, with the shared database's other unfinished messages hidden in it.
 */
class OutboxNextDueIntegrationTest extends IntegrationTest {
    @Autowired
    JdbcNotificationOutbox outbox;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theNextDueTimeIsTheEarliestRetryOrLeaseEndOfUnfinishedMessages() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        tx.executeWithoutResult(s -> {
            s.setRollbackOnly();
            jdbc.sql("UPDATE notification_outbox SET status = 'sent' WHERE status IN ('pending', 'sending')").update();
            assertThat(outbox.nextDue()).isEmpty();

            String retry = message(OutboxMessage.PENDING, now.plusSeconds(600), now);
            message("dead", now.plusSeconds(1), now);
            assertThat(outbox.nextDue()).contains(now.plusSeconds(600));

            String claimed = message(OutboxMessage.PENDING, now.plusSeconds(900), now);
            jdbc.sql("UPDATE notification_outbox SET status = 'sending', lease_until = :lease WHERE id = :id")
                    .param("lease", Sql.ts(now.plusSeconds(300))).param("id", claimed).update();
            assertThat(outbox.nextDue()).as("a claim's lease end").contains(now.plusSeconds(300));
            jdbc.sql("UPDATE notification_outbox SET next_attempt_at = :next WHERE id = :id")
                    .param("next", Sql.ts(now.plusSeconds(60))).param("id", retry).update();
            assertThat(outbox.nextDue()).as("the earliest retry").contains(now.plusSeconds(60));
        });
    }

    private String message(String status, Instant next, Instant now) {
        String id = "ntf_due" + UUID.randomUUID().toString().substring(0, 8);
        outbox.insert(new OutboxMessage(id, OutboxMessage.EMAIL, "test", "due@example.com", "sealed", status, 1, next, null, null,
                now, now, null));
        return id;
    }
}
