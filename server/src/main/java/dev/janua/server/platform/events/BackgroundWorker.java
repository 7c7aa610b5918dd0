package dev.janua.server.platform.events;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One virtual thread that runs a pass again and again: at once while passes find work, else after
 * {@code idle} (asked again before each wait: a worker may sleep longer while it is told of new work)
 * or as soon as {@link #wake()} is called. A failing pass is logged and retried later,
 * so a database outage never kills the worker.
 *
 * <p>An event consumer's wake-ups coalesce ({@link #eventConsumer}): a woken pass starts at least
 * {@link #WAKE_COALESCING} after the previous pass started. Every committed change wakes the event consumers; under load (issue 16: dozens of sign-ins a
 * second) one pass per commit meant one cursor transaction per commit per consumer, and now one pass
 * takes the events of every commit of the last few dozen milliseconds. When commits are rarer than
 * that, a wake-up still starts the pass at once. Dispatchers do not coalesce: their wake-ups also come
 * from a send slot freeing up, and a delay there would cap their sending rate.
 */
public final class BackgroundWorker {
    private static final Logger log = LoggerFactory.getLogger(BackgroundWorker.class);
    private final String name;
    private final BooleanSupplier pass;
    private final Supplier<Duration> idle;
    static final Duration WAKE_COALESCING = Duration.ofMillis(50);
    private final Duration coalescing;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /** {@code pass} returns true when it did work and another pass should follow at once. */
    public BackgroundWorker(String name, Duration idle, BooleanSupplier pass) {
        this(name, () -> idle, pass);
    }

    public BackgroundWorker(String name, Supplier<Duration> idle, BooleanSupplier pass) {
        this(name, idle, pass, Duration.ZERO);
    }

    /** A worker that consumes the event feed, woken by every commit: its wake-ups coalesce. */
    public static BackgroundWorker eventConsumer(String name, Supplier<Duration> idle, BooleanSupplier pass) {
        return new BackgroundWorker(name, idle, pass, WAKE_COALESCING);
    }

    private BackgroundWorker(String name, Supplier<Duration> idle, BooleanSupplier pass, Duration coalescing) {
        this.name = name;
        this.idle = idle;
        this.pass = pass;
        this.coalescing = coalescing;
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        thread = Thread.ofVirtual().name("janua-" + name).start(this::loop);
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    public void wake() {
        if (wakeUps.availablePermits() == 0) wakeUps.release();
    }

    private void loop() {
        while (running) {
            long started = System.nanoTime();
            boolean more = false;
            try {
                more = pass.getAsBoolean();
            } catch (RuntimeException e) {
                if (running) log.warn("{} pass failed, retrying in {}: {}", name, idle.get(), e.toString());
            }
            if (more) continue;
            try {
                if (wakeUps.tryAcquire(idle.get().toMillis(), TimeUnit.MILLISECONDS)) {
                    long early = started + coalescing.toNanos() - System.nanoTime();
                    if (early > 0) TimeUnit.NANOSECONDS.sleep(early); // let the commits of the next moments join this pass
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
