package dev.janua.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.IntegrationTest;
import dev.janua.server.support.StatementLog;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consumer whose cursor another process holds: this process's passes take nothing, neither check
 * the cursor row's existence again on every pass nor keep waiting on a gap they saw while they held it
 * (the holder settles it; a stale wait kept the idle worker polling at its short interval).
 */
class EventFeedIntegrationTest extends IntegrationTest {
    private static final EventFeed.Options NO_WAIT = new EventFeed.Options(100, Duration.ofMinutes(10), Duration.ofHours(1), false);
    @Autowired
    EventFeed feed;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    StatementLog statements;

    @Test
    void aConsumerLockedByAnotherProcessStaysKnownAndWaitsOnNoGap() throws Exception {
        String consumer = "test-feed-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO event_consumers (name, next_seq, updated_at) SELECT :c, COALESCE(MAX(seq), 0) + 1, CURRENT_TIMESTAMP FROM domain_events")
                .param("c", consumer).update();
        assertThat(feed.poll(consumer, NO_WAIT, batch -> {})).isZero();

        // a seq taken by a transaction still open, and a later one committed: the pass stops at the gap
        CountDownLatch gapTaken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> open = holdOpen(s -> {
            publish("usr_gap");
            s.setRollbackOnly();
        }, gapTaken, release);
        CompletableFuture<Void> locked = null;
        try {
            assertThat(gapTaken.await(30, TimeUnit.SECONDS)).isTrue();
            tx.executeWithoutResult(s -> publish("usr_after_gap"));
            assertThat(feed.poll(consumer, NO_WAIT, batch -> {})).as("stops at the missing seq").isZero();
            assertThat(feed.waitingOnGap(consumer)).isTrue();

            // another process takes the consumer
            CountDownLatch cursorLocked = new CountDownLatch(1);
            locked = holdOpen(s -> jdbc.sql("SELECT next_seq FROM event_consumers WHERE name = :c FOR UPDATE").param("c", consumer)
                    .query(Long.class).single(), cursorLocked, release);
            assertThat(cursorLocked.await(30, TimeUnit.SECONDS)).isTrue();
            statements.clear();
            for (int i = 0; i < 3; i++) assertThat(feed.poll(consumer, NO_WAIT, batch -> {})).isZero();
            assertThat(feed.waitingOnGap(consumer)).as("the gap is the holder's to settle").isFalse();
            assertThat(statements.count("SELECT COUNT(*) FROM event_consumers", Thread.currentThread()))
                    .as("no existence check of the cursor row on every pass").isZero();
        } finally {
            release.countDown();
            open.get(30, TimeUnit.SECONDS);
            if (locked != null) locked.get(30, TimeUnit.SECONDS);
            jdbc.sql("DELETE FROM event_consumers WHERE name = :c").param("c", consumer).update();
        }
    }

    private void publish(String subject) {
        events.publish(DomainEvent.of("user.updated", subject, null, Map.of()), null);
    }

    /** Runs {@code body} in a transaction on another thread, which stays open until {@code release}. */
    private CompletableFuture<Void> holdOpen(Consumer<org.springframework.transaction.TransactionStatus> body, CountDownLatch ready,
                                             CountDownLatch release) {
        return CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            body.accept(s);
            ready.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), r -> Thread.ofVirtual().start(r));
    }
}
