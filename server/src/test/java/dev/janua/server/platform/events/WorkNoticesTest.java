package dev.janua.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notices a node sends (the PostgreSQL path, with the {@code pg_notify} replaced by a recorder):
 * after commit only, at most one per topic per {@link WorkNotices#COALESCING}, the last request never
 * lost, and a failure to send never reaching the caller.
 */
class WorkNoticesTest {
    private record Sent(String topic, long at) {}

    private final DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:work-notices;DB_CLOSE_DELAY=-1");
    private final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private WorkNotices notices = notices(t -> sent.add(new Sent(t, System.nanoTime())));

    private WorkNotices notices(Consumer<String> send) {
        return new WorkNotices(dataSource, true, send);
    }

    @AfterEach
    void stop() {
        notices.stop();
    }

    @Test
    void aBurstOfAnnouncementsIsSentAtMostOncePerCoalescingIntervalAndTheLastIsNeverLost() throws Exception {
        long start = System.nanoTime();
        long beforeLast = start;
        while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(120)) {
            beforeLast = System.nanoTime();
            notices.announce(WorkNotices.EVENTS);
            Thread.sleep(1);
        }
        notices.announce(WorkNotices.OUTBOX); // another topic is not held back by the first one's pending send
        Thread.sleep(300);

        List<Long> events = sent.stream().filter(s -> s.topic().equals(WorkNotices.EVENTS)).map(Sent::at).toList();
        assertThat(events).as("about one per 50 ms of the 120 ms burst").hasSizeBetween(2, 4);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i) - events.get(i - 1)).as("gap between notices %d and %d", i - 1, i)
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(45));
        }
        assertThat(events.getLast()).as("a notice follows the last announcement").isGreaterThanOrEqualTo(beforeLast);
        assertThat(sent).filteredOn(s -> s.topic().equals(WorkNotices.OUTBOX)).hasSize(1);

        notices.announce(WorkNotices.EVENTS); // after a quiet moment: sent again
        awaitSends(events.size() + 2);
        assertThat(sent).filteredOn(s -> s.topic().equals(WorkNotices.EVENTS)).hasSize(events.size() + 1);
    }

    @Test
    void inATransactionTheTopicIsSentOnceAfterCommitAndNeverAfterARollback() throws Exception {
        inTransaction(TransactionSynchronization.STATUS_ROLLED_BACK, () -> notices.announce(WorkNotices.OUTBOX));
        inTransaction(TransactionSynchronization.STATUS_COMMITTED, () -> {
            notices.announce(WorkNotices.EVENTS);
            notices.announce(WorkNotices.EVENTS);
            sleep(100);
            assertThat(sent).as("nothing before commit").isEmpty();
        });
        awaitSends(1);
        Thread.sleep(100);
        assertThat(sent).extracting(Sent::topic).containsExactly(WorkNotices.EVENTS);
    }

    @Test
    void aNoticeThatCannotBeSentNeverFailsTheCommittedRequestAndTheNextOneIsTried() throws Exception {
        List<String> tried = new CopyOnWriteArrayList<>();
        notices.stop();
        notices = notices(t -> {
            tried.add(t);
            throw new IllegalStateException("database down");
        });
        assertThatCode(() -> notices.announce(WorkNotices.EVENTS)).doesNotThrowAnyException();
        assertThatCode(() -> inTransaction(TransactionSynchronization.STATUS_COMMITTED, () -> notices.announce(WorkNotices.EVENTS)))
                .doesNotThrowAnyException();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (tried.size() < 2 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(tried).hasSize(2);

        notices.stop(); // shut down: announcing still never throws
        assertThatCode(() -> notices.announce(WorkNotices.OUTBOX)).doesNotThrowAnyException();
    }

    @Test
    void aWorkerWithWorkDueLaterSleepsUntilItIsDueButNoLongerThanItsIdleInterval() {
        Instant now = Instant.parse("2026-12-02T00:00:00Z");
        Duration poll = Duration.ofSeconds(1);
        assertThat(notices.idleUntil(null, now, poll)).isEqualTo(poll);
        assertThat(notices.idleUntil(now.plusMillis(300), now, poll)).isEqualTo(Duration.ofMillis(300));
        assertThat(notices.idleUntil(now.plusSeconds(60), now, poll)).isEqualTo(poll);
        assertThat(notices.idleUntil(now.minusSeconds(1), now, poll)).as("due but not claimable: look again later").isEqualTo(poll);
        notices.channel(true); // notices heard: the idle interval is the fallback
        assertThat(notices.idleUntil(null, now, poll)).isEqualTo(WorkNotices.FALLBACK);
        assertThat(notices.idleUntil(now.plusSeconds(3), now, poll)).isEqualTo(Duration.ofSeconds(3));
        assertThat(notices.idleUntil(now.plusSeconds(60), now, poll)).isEqualTo(WorkNotices.FALLBACK);
    }

    /** {@code body} in a transaction that ends as {@code status} says. */
    private void inTransaction(int status, Runnable body) {
        tx.executeWithoutResult(s -> {
            body.run();
            if (status != TransactionSynchronization.STATUS_COMMITTED) s.setRollbackOnly();
        });
    }

    private void awaitSends(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sent.size() < n && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(sent).hasSize(n);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
