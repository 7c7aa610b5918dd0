package dev.janua.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An event consumer's wake-ups coalesce: wake-ups within {@link BackgroundWorker#WAKE_COALESCING} of a
 * pass's start make one more pass, no sooner than that interval after it; a wake-up after a quiet
 * moment makes another.
 */
class BackgroundWorkerTest {
    private static final long COALESCING_NANOS = BackgroundWorker.WAKE_COALESCING.toNanos();

    @Test
    void manyWakeUpsWithinTheCoalescingIntervalMakeOnePassAndALaterOneAnother() throws Exception {
        List<Long> passes = new CopyOnWriteArrayList<>();
        AtomicReference<BackgroundWorker> self = new AtomicReference<>();
        BackgroundWorker worker = BackgroundWorker.eventConsumer("coalescing-test", () -> Duration.ofMinutes(1), () -> {
            long started = System.nanoTime();
            passes.add(started);
            // the first pass: commits keep waking the worker through the next 30 ms
            if (passes.size() == 1) Thread.ofVirtual().start(() -> wakeUntil(self.get(), started + COALESCING_NANOS * 3 / 5));
            return false;
        });
        self.set(worker);
        worker.start();
        try {
            awaitPasses(passes, 1); // the first pass runs at start
            long first = passes.getFirst();
            Thread.sleep(300);
            assertThat(passes).as("one pass for all the wake-ups").hasSize(2);
            assertThat(passes.get(1) - first).as("not sooner than the coalescing interval")
                    .isGreaterThanOrEqualTo(COALESCING_NANOS - TimeUnit.MILLISECONDS.toNanos(1));

            worker.wake();
            awaitPasses(passes, 3);
            Thread.sleep(200);
            assertThat(passes).as("one more pass, then idle").hasSize(3);
        } finally {
            worker.stop();
        }
    }

    private static void wakeUntil(BackgroundWorker worker, long until) {
        do {
            worker.wake();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        } while (System.nanoTime() < until);
    }

    private static void awaitPasses(List<Long> passes, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (passes.size() < n && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(passes).hasSizeGreaterThanOrEqualTo(n);
    }
}
