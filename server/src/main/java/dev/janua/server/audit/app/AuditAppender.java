package dev.janua.server.audit.app;

import dev.janua.server.audit.domain.AuditHasher;
import dev.janua.server.audit.domain.AuditHasher.Fields;
import dev.janua.server.audit.persistence.JdbcAuditRepository;
import dev.janua.server.metrics.DomainMetrics;
import dev.janua.server.audit.persistence.JdbcAuditRepository.Head;
import dev.janua.server.audit.persistence.JdbcAuditRepository.Row;
import dev.janua.server.platform.events.BackgroundService;
import dev.janua.server.platform.events.BackgroundWorker;
import dev.janua.server.platform.events.EventFeed;
import dev.janua.server.platform.events.EventSignals;
import dev.janua.server.platform.events.StoredEvent;
import dev.janua.server.platform.events.WorkNotices;
import dev.janua.server.platform.ids.IdGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single chain appender: turns {@code domain_events} into audit records, in one total order.
 *
 * <p>Why not write the audit row in the event's own transaction? The chain needs a total order,
 * so every writer would have to lock one chain-head row until commit: sign-ins would queue behind
 * each other and a lock taken mid-transaction invites deadlocks with the rows the change itself
 * locks. Instead the events are already durable and ordered by seq; one appender at a time (the
 * {@link EventFeed} cursor lock, shared by every Janua process) reads them, waits a bounded time
 * for a seq still in flight, and appends a whole batch with one chain-head update. The hot path
 * pays nothing; the audit trail trails commits by one poll at most (a commit here wakes it at once).
 */
@Component
public class AuditAppender extends BackgroundService {
    public static final String CONSUMER = "audit";
    private static final Map<String, Integer> KNOWN_RISK = Map.of(
            "session.refresh_token_reused", 90,
            "user.signin_failed", 30);
    private final EventFeed feed;
    private final JdbcAuditRepository repo;
    private final IdGenerator ids;
    private final AuditProperties properties;
    private final JsonMapper canonical = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final DomainMetrics metrics;

    public AuditAppender(EventFeed feed, JdbcAuditRepository repo, IdGenerator ids, EventSignals signals, AuditProperties properties,
                         DomainMetrics metrics, WorkNotices notices) {
        this.metrics = metrics;
        this.feed = feed;
        this.repo = repo;
        this.ids = ids;
        this.properties = properties;
        runs(BackgroundWorker.eventConsumer("audit-appender",
                () -> feed.waitingOnGap(CONSUMER) ? properties.pollInterval() : notices.idle(properties.pollInterval()),
                () -> feed.poll(CONSUMER, options(false, properties.gapWait()), this::append) >= properties.batchSize()));
        signals.onCommit(this::wake);
        notices.onNotice(WorkNotices.EVENTS, this::wake);
    }

    /** Appends everything appendable now (waiting for another appender to finish); returns how many. */
    public int catchUp() {
        return catchUp(properties.gapWait());
    }

    /** As {@link #catchUp()}, stepping over missing seqs once they have been missing for {@code gapWait}. */
    public int catchUp(Duration gapWait) {
        int total = 0;
        int n;
        do {
            n = feed.poll(CONSUMER, options(true, gapWait), this::append);
            total += n;
        } while (n >= properties.batchSize());
        return total;
    }

    public long backlog() {
        return feed.backlog(CONSUMER);
    }

    private EventFeed.Options options(boolean wait, Duration gapWait) {
        return new EventFeed.Options(properties.batchSize(), gapWait, properties.gapRetention(), wait);
    }

    /** Runs under the consumer lock, in the transaction that advances the cursor. */
    private void append(List<StoredEvent> events) {
        Head head = repo.head();
        byte[] previous = new byte[32];
        if (!AuditHasher.decodeHex(head.lastHash(), previous)) throw new IllegalStateException("audit chain head is corrupt");
        AuditHasher hasher = new AuditHasher();
        List<Row> rows = new ArrayList<>(events.size());
        long position = head.lastPosition();
        String hash = head.lastHash();
        for (StoredEvent e : events) {
            Fields f = fields(++position, e);
            hash = hasher.hashHex(previous, f);
            System.arraycopy(hasher.lastHash(), 0, previous, 0, 32);
            rows.add(new Row(f, hash));
        }
        repo.insert(rows);
        repo.updateHead(position, hash);
        metrics.auditAppended(rows.size()); // in the cursor's transaction: a rare rollback leaves the count one batch high
    }

    private Fields fields(long position, StoredEvent e) {
        Map<String, Object> data = parse(e.data());
        String details = canonical.writeValueAsString(data);
        return new Fields(position, ids.next("log"), e.seq(), e.id(), e.type(), userOf(e, data), e.actorId(), e.subjectId(),
                e.organizationId(), e.ipAddress(), e.userAgent(), e.requestId(), details, risk(e.type(), data),
                e.occurredAt().toEpochMilli());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String json) {
        try {
            Object v = canonical.readValue(json == null ? "{}" : json, Object.class);
            return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("value", v);
        } catch (RuntimeException e) {
            return Map.of("raw", String.valueOf(json));
        }
    }

    /** The user a record is about: the subject when it is a user, else the event's userId, else the actor. */
    static String userOf(StoredEvent e, Map<String, Object> data) {
        if (e.subjectId() != null && e.subjectId().startsWith("usr_")) return e.subjectId();
        if (data.get("userId") instanceof String u) return u;
        if (data.get("user") instanceof Map<?, ?> u && u.get("id") instanceof String id) return id;
        return e.actorId();
    }

    /** Risk where known: given by the event ({@code risk.score} or {@code riskScore}) or fixed for security signals. */
    static Integer risk(String type, Map<String, Object> data) {
        if (data.get("risk") instanceof Map<?, ?> r && r.get("score") instanceof Number n) return n.intValue();
        if (data.get("riskScore") instanceof Number n) return n.intValue();
        return KNOWN_RISK.get(type);
    }
}
