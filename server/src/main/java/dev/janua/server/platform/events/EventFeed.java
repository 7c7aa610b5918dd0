package dev.janua.server.platform.events;

import dev.janua.server.platform.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@code domain_events} for a named consumer, in seq order, exactly once: the consumer's
 * cursor row is locked for the pass and advanced in the same transaction as the consumer's own
 * writes, so a crash anywhere repeats or loses nothing.
 *
 * <p>Identity order is not commit order: a transaction that took seq 10 may commit after seq 11
 * is visible. A pass therefore stops at the first missing seq and waits for it, up to
 * {@code gapWait} (measured on this process's monotonic clock from when it first saw the gap).
 * After that it steps over the seq and records it in {@code event_consumer_gaps}; later passes
 * take the event if it ever commits (it is then consumed out of seq order, never lost). Gaps from
 * rolled-back transactions are forgotten after {@code gapRetention}.
 */
@Component
public class EventFeed {
    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);
    private static final int MAX_GAP_ROWS = 1000;
    /** How often a process that cannot lock a consumer's cursor checks that the row still exists. */
    private static final Duration RECHECK_ROW = Duration.ofMinutes(1);
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** Per consumer: missing seq → when this process first saw it missing (nanoTime). */
    private final Map<String, ConcurrentSkipListMap<Long, Long>> gapFirstSeen = new ConcurrentHashMap<>();

    public EventFeed(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a consumer does with a batch, inside the transaction that advances its cursor. */
    @FunctionalInterface
    public interface Handler {
        void handle(List<StoredEvent> events);
    }

    public record Options(int batchSize, Duration gapWait, Duration gapRetention, boolean waitForLock) {}

    /**
     * One pass: returns how many events were handed to the handler (0 when another process holds
     * the consumer and {@code waitForLock} is false).
     */
    public int poll(String consumer, Options options, Handler handler) {
        ensureConsumer(consumer);
        Integer n = tx.execute(status -> {
            Optional<Long> next = lockCursor(consumer, options.waitForLock());
            if (next.isEmpty()) {
                lockLost(consumer);
                return 0;
            }
            holdingUntilTheTransactionEnds(consumer);
            List<StoredEvent> batch = new ArrayList<>(lateArrivals(consumer));
            long cursor = next.get();
            long expected = cursor;
            List<StoredEvent> fresh = jdbc.sql("SELECT * FROM domain_events WHERE seq >= :next ORDER BY seq LIMIT :n")
                    .param("next", cursor).param("n", options.batchSize()).query(EventFeed::map).list();
            List<Long> steppedOver = new ArrayList<>();
            for (StoredEvent e : fresh) {
                if (e.seq() > expected) {
                    if (!waitedLongEnough(consumer, expected, options.gapWait())) break;
                    for (long s = expected; s < e.seq() && steppedOver.size() < MAX_GAP_ROWS; s++) steppedOver.add(s);
                }
                batch.add(e);
                expected = e.seq() + 1;
            }
            if (!steppedOver.isEmpty()) recordGaps(consumer, steppedOver);
            firstSeen(consumer).headMap(expected).clear(); // gaps behind the cursor are settled
            if (batch.isEmpty() && steppedOver.isEmpty()) return 0;
            handler.handle(batch);
            for (StoredEvent e : batch) {
                if (e.seq() < cursor) {
                    jdbc.sql("DELETE FROM event_consumer_gaps WHERE consumer = :c AND seq = :s")
                            .param("c", consumer).param("s", e.seq()).update();
                }
            }
            jdbc.sql("UPDATE event_consumers SET next_seq = :n, updated_at = :now WHERE name = :c")
                    .param("n", Math.max(cursor, expected)).param("now", Sql.ts(clock.instant())).param("c", consumer).update();
            forgetOldGaps(consumer, options.gapRetention());
            return batch.size();
        });
        return n == null ? 0 : n;
    }

    /**
     * True while a pass of {@code consumer} stopped at a missing seq it is still waiting for: its
     * worker must look again within {@code gapWait}, a notice may never come (the transaction that
     * took the seq rolled back).
     */
    public boolean waitingOnGap(String consumer) {
        ConcurrentSkipListMap<Long, Long> gaps = gapFirstSeen.get(consumer);
        return gaps != null && !gaps.isEmpty();
    }

    /** How far a consumer lags: events committed but not yet consumed (gaps not counted). */
    public long backlog(String consumer) {
        Long next = jdbc.sql("SELECT next_seq FROM event_consumers WHERE name = :c").param("c", consumer)
                .query(Long.class).optional().orElse(1L);
        return jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE seq >= :n").param("n", next).query(Long.class).single();
    }

    /** Consumers whose cursor a thread of this process has locked, until its transaction ends. */
    private final java.util.Set<String> heldHere = ConcurrentHashMap.newKeySet();

    private void holdingUntilTheTransactionEnds(String consumer) {
        heldHere.add(consumer);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                heldHere.remove(consumer);
            }
        });
    }

    /** Consumers whose cursor row this process has seen, with when (nanoTime): no existence check on every pass. */
    private final Map<String, Long> knownConsumers = new ConcurrentHashMap<>();

    private void ensureConsumer(String consumer) {
        if (knownConsumers.containsKey(consumer)) return;
        ensureConsumerRow(consumer);
        knownConsumers.put(consumer, System.nanoTime());
    }

    /**
     * The cursor row is locked by another process (the usual case on every node but one), or it is
     * gone. This process is not the one consuming: it waits on no gap (what it saw missing is the
     * holder's to settle; a stale entry would keep its worker polling fast). The row's existence is
     * checked again only once in a while, not on every pass of every other node.
     */
    private void lockLost(String consumer) {
        // a thread of this process holding it (a catch-up query) keeps the gap waits: this process is the consumer
        if (!heldHere.contains(consumer)) gapFirstSeen.remove(consumer);
        long now = System.nanoTime();
        knownConsumers.computeIfPresent(consumer, (c, seen) -> now - seen > RECHECK_ROW.toNanos() ? null : seen);
    }

    private void ensureConsumerRow(String consumer) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM event_consumers WHERE name = :c").param("c", consumer)
                .query(Integer.class).single() > 0;
        if (exists) return;
        try {
            jdbc.sql("INSERT INTO event_consumers (name, next_seq, updated_at) VALUES (:c, 1, :now)")
                    .param("c", consumer).param("now", Sql.ts(clock.instant())).update();
        } catch (DuplicateKeyException raced) {
            // another process registered it first
        }
    }

    private Optional<Long> lockCursor(String consumer, boolean wait) {
        String sql = "SELECT next_seq FROM event_consumers WHERE name = :c FOR UPDATE" + (wait ? "" : " SKIP LOCKED");
        return jdbc.sql(sql).param("c", consumer).query(Long.class).optional();
    }

    private List<StoredEvent> lateArrivals(String consumer) {
        return jdbc.sql("""
                SELECT e.* FROM domain_events e JOIN event_consumer_gaps g ON g.seq = e.seq
                WHERE g.consumer = :c ORDER BY e.seq""").param("c", consumer).query(EventFeed::map).list();
    }

    private boolean waitedLongEnough(String consumer, long seq, Duration gapWait) {
        long now = System.nanoTime();
        long first = firstSeen(consumer).computeIfAbsent(seq, k -> now);
        return now - first >= gapWait.toNanos();
    }

    private ConcurrentSkipListMap<Long, Long> firstSeen(String consumer) {
        return gapFirstSeen.computeIfAbsent(consumer, c -> new ConcurrentSkipListMap<>());
    }

    private void recordGaps(String consumer, List<Long> seqs) {
        log.info("event consumer '{}' steps over {} missing seq(s) from {}; they are taken if they commit later",
                consumer, seqs.size(), seqs.getFirst());
        // Only seqs at or past the cursor are recorded, and the cursor moves past them in this same
        // transaction, so a seq is never recorded twice.
        for (Long s : seqs) {
            jdbc.sql("INSERT INTO event_consumer_gaps (consumer, seq, noticed_at) VALUES (:c, :s, :now)")
                    .param("c", consumer).param("s", s).param("now", Sql.ts(clock.instant())).update();
        }
    }

    private void forgetOldGaps(String consumer, Duration retention) {
        jdbc.sql("DELETE FROM event_consumer_gaps WHERE consumer = :c AND noticed_at < :before")
                .param("c", consumer).param("before", Sql.ts(clock.instant().minus(retention))).update();
    }

    public static StoredEvent map(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("seq"), rs.getString("id"), rs.getString("type"), rs.getString("subject_id"),
                rs.getString("actor_id"), rs.getString("organization_id"), rs.getString("data"), rs.getString("ip_address"),
                rs.getString("user_agent"), rs.getString("request_id"), Sql.instant(rs, "occurred_at"));
    }
}
