package dev.janua.server.realtime.app;

import dev.janua.server.platform.events.BackgroundService;
import dev.janua.server.platform.events.BackgroundWorker;
import dev.janua.server.platform.events.EventFeed;
import dev.janua.server.platform.events.EventSignals;
import dev.janua.server.platform.events.StoredEvent;
import dev.janua.server.platform.events.WorkNotices;
import dev.janua.server.realtime.RealtimeProperties;
import dev.janua.server.realtime.persistence.JdbcRealtimeCursor;
import dev.janua.server.sessions.domain.UserAgentParser;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans the domain-event feed out to this node's sockets. Every node tails the shared
 * {@code domain_events} table with its own {@link EventFeed} consumer ({@code realtime-<node>}), so
 * an event committed on any node reaches sockets held by every node: at once on the node that
 * committed it (woken after commit), within {@code pollInterval} elsewhere. No broker is needed,
 * and the feed's gap handling applies, so a slow transaction's event is late, never lost.
 *
 * <p>An event is a user's when its subject, its {@code data.userId} or its actor is that user; an
 * organization's when it carries that organization id. {@code session.revoked} and
 * {@code session.expired} of a socket's own session close that socket.
 */
@Component
public class RealtimeHub extends BackgroundService {
    public static final int CLOSE_SESSION_ENDED = 4001;
    private static final int BATCH = 500;
    private final Set<RealtimeSocket> sockets = ConcurrentHashMap.newKeySet();
    private final String consumer = "realtime-" + UUID.randomUUID();
    private final JdbcRealtimeCursor cursor;
    private final JsonMapper json;
    private final Clock clock;

    public RealtimeHub(EventFeed feed, EventSignals signals, JdbcRealtimeCursor cursor, JsonMapper json, Clock clock,
                       RealtimeProperties properties, WorkNotices notices) {
        this.cursor = cursor;
        this.json = json;
        this.clock = clock;
        EventFeed.Options options = new EventFeed.Options(BATCH, properties.gapWait(), Duration.ofHours(1), false);
        runs(BackgroundWorker.eventConsumer("realtime-fanout",
                () -> feed.waitingOnGap(consumer) ? properties.pollInterval() : notices.idle(properties.pollInterval()),
                () -> feed.poll(consumer, options, this::fanOut) >= BATCH));
        signals.onCommit(this::wake);
        notices.onNotice(WorkNotices.EVENTS, this::wake);
    }

    public void register(RealtimeSocket socket) {
        sockets.add(socket);
    }

    public void unregister(RealtimeSocket socket) {
        sockets.remove(socket);
    }

    public int connected() {
        return sockets.size();
    }

    @Override
    public void start() {
        cursor.startAtEnd(consumer, clock.instant());
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        try {
            cursor.remove(consumer);
        } catch (RuntimeException e) {
            // the database may already be gone on shutdown; a stale cursor row costs nothing
        }
    }

    void fanOut(List<StoredEvent> events) {
        if (sockets.isEmpty()) return;
        for (StoredEvent e : events) {
            JsonNode data = e.data() == null ? json.createObjectNode() : json.readTree(e.data());
            Set<String> users = new HashSet<>();
            if (e.subjectId() != null) users.add(e.subjectId());
            if (e.actorId() != null) users.add(e.actorId());
            if (data.path("userId").isString()) users.add(data.path("userId").asString());
            boolean ended = e.type().equals("session.revoked") || e.type().equals("session.expired");
            OutboundMessage userMessage = null;
            OutboundMessage orgMessage = null;
            for (RealtimeSocket s : sockets) {
                if (ended && e.subjectId() != null && e.subjectId().equals(s.sessionId())) {
                    s.close(CLOSE_SESSION_ENDED, "session ended");
                    continue;
                }
                if (s.subscribedToUserEvents() && users.contains(s.userId())) {
                    if (userMessage == null) userMessage = message("user.events", e, data);
                    s.send(userMessage);
                }
                if (e.organizationId() != null && s.organizations().contains(e.organizationId())) {
                    if (orgMessage == null) orgMessage = message("organization.events", e, data);
                    s.send(orgMessage);
                }
            }
        }
    }

    /** Seed 000's shape: {@code {type:"event", channel, event, timestamp, data}}, plus the event id; one instance for every socket. */
    OutboundMessage message(String channel, StoredEvent e, JsonNode data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "event");
        m.put("channel", channel);
        m.put("event", e.type());
        m.put("id", e.id());
        if (e.organizationId() != null) m.put("organizationId", e.organizationId());
        m.put("timestamp", e.occurredAt().toString());
        Map<String, Object> d = json.convertValue(data, Map.class);
        Map<String, Object> body = new LinkedHashMap<>(d == null ? Map.of() : d);
        if (e.type().startsWith("session.")) {
            body.putIfAbsent("sessionId", e.subjectId());
            if (e.userAgent() != null) body.putIfAbsent("deviceInfo", UserAgentParser.parse(e.userAgent()).label());
            body.putIfAbsent("location", null);
        }
        m.put("data", body);
        return OutboundMessage.of(json.writeValueAsString(m));
    }
}
