package dev.janua.server.platform.events;

import dev.janua.server.platform.cache.DatabaseVendor;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the background workers of every node when work is committed, so an idle node need not poll.
 * A writer {@link #announce}s a topic ({@link #EVENTS}, {@link #OUTBOX}) inside its transaction; on
 * PostgreSQL a {@code NOTIFY} on {@link #CHANNEL} follows the commit, heard by the one listener
 * connection each node already keeps for cache invalidations ({@code platform/cache/PostgresInvalidationListener}).
 *
 * <p>The {@code NOTIFY} is not part of the writer's transaction: PostgreSQL takes a database-wide lock
 * at the commit of every transaction that notified, which serialised all publishing commits. It is
 * sent after commit, on its own autocommit statement from one background thread, at most once per
 * topic per {@link #COALESCING} on this node (a notice only says "look": one covers every commit
 * before it). A notice that cannot be sent is dropped: the request has committed, and the workers'
 * {@link #FALLBACK} poll finds the work. While the listener is up an idle worker polls only every
 * {@link #FALLBACK}; while it is down, and always on the embedded H2 (one node, woken after commit by
 * {@link EventSignals}), workers poll at their own interval as before.
 */
@Component
public class WorkNotices {
    private static final Logger log = LoggerFactory.getLogger(WorkNotices.class);
    public static final String CHANNEL = "janua_work";
    /** New rows in {@code domain_events}. */
    public static final String EVENTS = "events";
    /** New messages in {@code notification_outbox}. */
    public static final String OUTBOX = "outbox";
    /**
     * A new job in {@code notification_outbox}: deliberately not run at once (docs/security.md, the
     * reset job must not follow its request in time), picked up as by an ordinary poll instead.
     */
    public static final String OUTBOX_JOB = "outbox-job";
    /** How often an idle worker looks anyway while notices are heard. */
    public static final Duration FALLBACK = Duration.ofSeconds(5);
    /** At most one notice per topic per this long from one node. */
    static final Duration COALESCING = Duration.ofMillis(50);

    private final DataSource dataSource;
    private final boolean postgres;
    private final Consumer<String> send;
    private final Map<String, List<Runnable>> wakers = new ConcurrentHashMap<>();
    private final Map<String, CoalescedSend> sends = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("janua-work-notices").factory());
    private volatile boolean heard;

    @Autowired
    public WorkNotices(JdbcClient jdbc, DataSource dataSource, DatabaseVendor vendor) {
        this(dataSource, vendor.postgres(),
                topic -> jdbc.sql("SELECT pg_notify('" + CHANNEL + "', :topic)").param("topic", topic).query((rs, i) -> 1).list());
    }

    /** {@code send} sends one notice (on PostgreSQL: an autocommit {@code pg_notify}). */
    WorkNotices(DataSource dataSource, boolean postgres, Consumer<String> send) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.send = send;
    }

    /** {@code wake} runs (on the listener's thread: it must only signal) whenever another or this node announces {@code topic}. */
    public void onNotice(String topic, Runnable wake) {
        wakers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(wake);
    }

    /**
     * Work of {@code topic} is being written in the current transaction: every node hears of it soon
     * after it commits, and nothing is sent if it rolls back. Outside a transaction (the write has
     * committed) the notice goes at once. Never a statement on the caller's connection; nothing on H2.
     */
    public void announce(String topic) {
        if (!postgres) return;
        if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            sendSoon(topic);
            return;
        }
        announcedIn(TransactionSynchronizationManager.getResource(dataSource)).add(topic);
    }

    /** How long an idle worker whose own interval is {@code pollInterval} may sleep now. */
    public Duration idle(Duration pollInterval) {
        return heard && FALLBACK.compareTo(pollInterval) > 0 ? FALLBACK : pollInterval;
    }

    /**
     * How long a worker may sleep when its earliest unfinished item falls due at {@code due} (null:
     * none): until then, but no longer than {@link #idle}. An item already due that a pass could not
     * take (another node holds it) is looked at again after {@code pollInterval}.
     */
    public Duration idleUntil(Instant due, Instant now, Duration pollInterval) {
        Duration idle = idle(pollInterval);
        if (due == null) return idle;
        if (!due.isAfter(now)) return pollInterval;
        Duration untilDue = Duration.between(now, due);
        return untilDue.compareTo(idle) < 0 ? untilDue : idle;
    }

    /** A notice on {@link #CHANNEL} (from the listener). */
    public void heard(String topic) {
        List<Runnable> w = wakers.get(topic);
        if (w != null) for (Runnable r : w) r.run();
    }

    /**
     * The listener connected (true) or lost its connection (false). Either way every worker takes a
     * pass: what was announced while nobody listened is found now.
     */
    public void channel(boolean up) {
        heard = up;
        for (List<Runnable> w : wakers.values()) for (Runnable r : w) r.run();
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }

    /**
     * The topics announced in the current transaction, sent after it commits. Keyed by the
     * transaction's connection: an inner REQUIRES_NEW transaction (whose commit does not wait for the
     * outer one) sends its own.
     */
    @SuppressWarnings("unchecked")
    private Set<String> announcedIn(Object connection) {
        List<Object> key = List.of(this, connection == null ? Boolean.TRUE : connection);
        Object bound = TransactionSynchronizationManager.getResource(key);
        if (bound != null) return (Set<String>) bound;
        Set<String> topics = new HashSet<>(2);
        TransactionSynchronizationManager.bindResource(key, topics);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
                if (status == STATUS_COMMITTED) for (String topic : topics) sendSoon(topic);
            }
        });
        return topics;
    }

    /** Never throws: it runs after the caller's change has committed. */
    private void sendSoon(String topic) {
        try {
            sends.computeIfAbsent(topic, CoalescedSend::new).request();
        } catch (RuntimeException e) {
            log.debug("work notice for {} not scheduled: {}", topic, e.toString());
        }
    }

    /**
     * One topic's notices: a request while one is pending joins it; otherwise a send is scheduled
     * {@link #COALESCING} after the previous one started (at once if that is past). The pending flag
     * is cleared just before the statement, so a commit after that point asks for a send of its own.
     */
    private final class CoalescedSend {
        private final String topic;
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile long lastSent = System.nanoTime() - COALESCING.toNanos();

        CoalescedSend(String topic) {
            this.topic = topic;
        }

        void request() {
            if (!pending.compareAndSet(false, true)) return;
            long delay = Math.max(0, lastSent + COALESCING.toNanos() - System.nanoTime());
            try {
                sender.schedule(this::send, delay, TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) {
                pending.set(false); // shutting down
                throw e;
            }
        }

        private void send() {
            lastSent = System.nanoTime(); // before the flag: a request that sees it clear sees this time
            pending.set(false);
            try {
                send.accept(topic);
            } catch (RuntimeException e) {
                log.debug("work notice for {} not sent (workers find the work at their next poll): {}", topic, e.toString());
            }
        }
    }
}
