package dev.janua.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.IntegrationTest;
import dev.janua.server.support.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idle nodes are woken, not polling: on PostgreSQL a committed event reaches every node's consumers
 * as a NOTIFY heard by the listener connection, so their idle poll can be rare; on H2 (one node) they
 * poll at their own interval as before.
 */
class WorkNoticesIntegrationTest extends IntegrationTest {
    @Autowired
    WorkNotices notices;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aCommittedEventIsAnnouncedToTheListenersAndIdleWorkersSleepLongOnlyWhileNoticesAreHeard() throws Exception {
        Duration own = Duration.ofMillis(200);
        if (!TestDatabase.isPostgres()) {
            assertThat(notices.idle(own)).isEqualTo(own);
            return;
        }
        CountDownLatch heard = new CountDownLatch(1);
        notices.onNotice(WorkNotices.EVENTS, heard::countDown);
        tx.executeWithoutResult(s -> {
            events.publish(DomainEvent.of("user.updated", "usr_notice", null, Map.of()), null);
            events.publish(DomainEvent.of("user.updated", "usr_notice", null, Map.of()), null);
        });
        assertThat(heard.await(30, TimeUnit.SECONDS)).as("the listener heard the commit's notice").isTrue();
        // heard through the channel, so it is up: idle workers may sleep the fallback
        assertThat(notices.idle(own)).isEqualTo(WorkNotices.FALLBACK);
        assertThat(notices.idle(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }
}
