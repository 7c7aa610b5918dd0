package dev.janua.server.platform.events;

import dev.janua.server.platform.cache.DatabaseVendor;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the background workers of every node when work is committed, so an idle node need not poll.
 * A writer {@link #announce}s a topic ({@link #EVENTS}, {@link #OUTBOX}) inside its transaction: on
 * PostgreSQL that is a {@code NOTIFY} on {@link #CHANNEL}, delivered to every node only if the change
 * commits, and heard by the one listener connection each node already keeps for cache invalidations
 * ({@code platform/cache/PostgresInvalidationListener}). While that connection is up, an idle worker
 * polls only every {@link #FALLBACK} (a notice can still be missed: a dropped connection, a worker
 * busy when it came). While it is down, and always on the embedded H2 (one node, woken after commit
 * by {@link EventSignals}), workers poll at their own interval as before.
 */
@Component
public class WorkNotices {
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

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final boolean postgres;
    private final Map<String, List<Runnable>> wakers = new ConcurrentHashMap<>();
    private volatile boolean heard;

    @Autowired
    public WorkNotices(JdbcClient jdbc, DataSource dataSource, DatabaseVendor vendor) {
        this(jdbc, dataSource, vendor.postgres());
    }

    WorkNotices(JdbcClient jdbc, DataSource dataSource, boolean postgres) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /** {@code wake} runs (on the listener's thread: it must only signal) whenever another or this node announces {@code topic}. */
    public void onNotice(String topic, Runnable wake) {
        wakers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(wake);
    }

    /**
     * Work of {@code topic} is being written in the current transaction: every node hears of it when
     * it commits. Once per transaction and topic (one round trip). Nothing on H2.
     */
    public void announce(String topic) {
        if (!postgres) return;
        Object connection = TransactionSynchronizationManager.getResource(dataSource);
        if (connection != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            // keyed by the transaction's connection: an inner REQUIRES_NEW transaction sends its own
            if (!sentIn(connection).add(topic)) return;
        }
        jdbc.sql("SELECT pg_notify('" + CHANNEL + "', :topic)").param("topic", topic).query((rs, i) -> 1).list();
    }

    /** How long an idle worker whose own interval is {@code pollInterval} may sleep now. */
    public Duration idle(Duration pollInterval) {
        return heard && FALLBACK.compareTo(pollInterval) > 0 ? FALLBACK : pollInterval;
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

    @SuppressWarnings("unchecked")
    private Set<String> sentIn(Object connection) {
        List<Object> key = List.of(this, connection);
        Object bound = TransactionSynchronizationManager.getResource(key);
        if (bound != null) return (Set<String>) bound;
        Set<String> topics = new HashSet<>(2);
        TransactionSynchronizationManager.bindResource(key, topics);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return topics;
    }
}
