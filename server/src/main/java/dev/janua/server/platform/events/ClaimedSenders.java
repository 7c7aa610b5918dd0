package dev.janua.server.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A bounded set of sending slots on virtual threads, shared by the outbox-style dispatchers: a pass
 * claims at most as many rows as there are free slots and hands each to its own thread, so one slow
 * target never holds up the others; a finished send frees its slot and asks for another pass.
 */
public final class ClaimedSenders {
    private final Semaphore slots;
    private volatile ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    public ClaimedSenders(int concurrency) {
        this.slots = new Semaphore(Math.max(1, concurrency));
    }

    /**
     * Claims up to the free slot count with {@code claim} and sends each claimed item with {@code send}
     * (which must not throw), calling {@code wake} after each send. True when every free slot found work.
     */
    public <T> boolean runClaimed(IntFunction<List<T>> claim, Consumer<T> send, Runnable wake) {
        int free = slots.availablePermits();
        if (free == 0) return false;
        List<T> claimed = claim.apply(free);
        if (claimed == null || claimed.isEmpty()) return false;
        ExecutorService running = running();
        for (T item : claimed) {
            slots.acquireUninterruptibly();
            running.submit(() -> {
                try {
                    send.accept(item);
                } finally {
                    slots.release();
                    wake.run();
                }
            });
        }
        return claimed.size() == free;
    }

    /**
     * The executor, made afresh after a {@link #stop}: a lifecycle may be stopped and started again
     * (Spring pauses an idle application context and restarts it), and a dispatcher restarted on a shut
     * executor would claim rows it can never send.
     */
    private synchronized ExecutorService running() {
        if (senders.isShutdown()) senders = Executors.newVirtualThreadPerTaskExecutor();
        return senders;
    }

    /** Lets sends in flight finish, for at most {@code timeout}. */
    public void stop(Duration timeout) {
        ExecutorService stopping = senders;
        stopping.shutdown();
        try {
            stopping.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
