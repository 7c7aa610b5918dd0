package dev.janua.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.IntegrationTest;
import dev.janua.server.support.StatementLog;
import dev.janua.server.support.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idle nodes are woken, not polling: on PostgreSQL a commit that wrote work is followed by a NOTIFY
 * heard by every node's listener connection, so their idle poll can be rare; on H2 (one node) they
 * poll at their own interval as before. The NOTIFY is never part of the writer's transaction (it
 * would take PostgreSQL's database-wide notify lock at every publishing commit).
 */
class WorkNoticesIntegrationTest extends IntegrationTest {
    @Autowired
    WorkNotices notices;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    StatementLog statements;

    @Test
    void aTopicIsAnnouncedAfterCommitOnlyNeverFromTheTransactionAndNeverForARollback() throws Exception {
        Duration own = Duration.ofMillis(200);
        if (!TestDatabase.isPostgres()) {
            assertThat(notices.idle(own)).isEqualTo(own);
            return;
        }
        awaitListening(own);
        String committed = "test-committed-" + UUID.randomUUID();
        String rolledBack = "test-rolled-back-" + UUID.randomUUID();
        CountDownLatch heard = new CountDownLatch(1);
        AtomicInteger heardRolledBack = new AtomicInteger();
        notices.onNotice(committed, heard::countDown);
        notices.onNotice(rolledBack, heardRolledBack::incrementAndGet);

        tx.executeWithoutResult(s -> {
            notices.announce(rolledBack);
            s.setRollbackOnly();
        });
        statements.clear();
        tx.executeWithoutResult(s -> {
            notices.announce(committed);
            notices.announce(committed);
            events.publish(DomainEvent.of("user.updated", "usr_notice", null, Map.of()), null);
            assertThat(statements.count("pg_notify", Thread.currentThread())).as("no NOTIFY inside the transaction").isZero();
            try {
                assertThat(heard.await(300, TimeUnit.MILLISECONDS)).as("nothing heard before commit").isFalse();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(heard.await(30, TimeUnit.SECONDS)).as("the listener heard the commit's notice").isTrue();
        Thread.sleep(200); // one sending thread: a notice for the rolled-back topic would have come before
        assertThat(heardRolledBack).as("a rolled-back transaction announces nothing").hasValue(0);
        assertThat(notices.idle(own)).isEqualTo(WorkNotices.FALLBACK);
        assertThat(notices.idle(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }

    /** The listener connects once the application is ready; until then idle workers poll at their own interval. */
    private void awaitListening(Duration own) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (notices.idle(own).equals(own) && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(notices.idle(own)).as("the listener is up").isEqualTo(WorkNotices.FALLBACK);
    }
}
