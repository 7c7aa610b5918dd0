package dev.janua.server.webhooks.app;

import dev.janua.server.platform.events.BackgroundService;
import dev.janua.server.platform.events.BackgroundWorker;
import dev.janua.server.platform.events.EventFeed;
import dev.janua.server.platform.events.EventSignals;
import dev.janua.server.platform.events.StoredEvent;
import dev.janua.server.platform.events.WorkNotices;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.webhooks.WebhookProperties;
import dev.janua.server.webhooks.domain.Delivery;
import dev.janua.server.webhooks.domain.Endpoint;
import dev.janua.server.webhooks.persistence.JdbcWebhookDeliveries;
import dev.janua.server.webhooks.persistence.JdbcWebhookEndpoints;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each domain event into one delivery per subscribed endpoint, in the transaction that
 * advances the {@code webhooks} event cursor: an event is fanned out exactly once, whatever
 * process does it and whenever one dies. The payload is fixed here, so every attempt sends the
 * same bytes: {@code {id, type, data, organizationId, timestamp, apiVersion}}.
 */
@Component
public class WebhookFanout extends BackgroundService {
    public static final String CONSUMER = "webhooks";
    private static final int BATCH = 500;
    private final EventFeed feed;
    private final JdbcWebhookEndpoints endpoints;
    private final JdbcWebhookDeliveries deliveries;
    private final IdGenerator ids;
    private final Clock clock;
    private final JsonMapper json;
    private final WebhookProperties properties;

    public WebhookFanout(EventFeed feed, JdbcWebhookEndpoints endpoints, JdbcWebhookDeliveries deliveries, IdGenerator ids,
                         Clock clock, JsonMapper json, WebhookProperties properties, EventSignals signals,
                         WebhookDispatcher dispatcher, WorkNotices notices) {
        this.feed = feed;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.properties = properties;
        runs(BackgroundWorker.eventConsumer("webhook-fanout",
                () -> feed.waitingOnGap(CONSUMER) ? properties.pollInterval() : notices.idle(properties.pollInterval()), () -> {
            int n = feed.poll(CONSUMER, options(false), this::fanOut);
            if (n > 0) dispatcher.wake();
            return n >= BATCH;
        }));
        signals.onCommit(this::wake);
        notices.onNotice(WorkNotices.EVENTS, this::wake);
    }

    private EventFeed.Options options(boolean wait) {
        return new EventFeed.Options(BATCH, properties.gapWait(), properties.gapRetention(), wait);
    }

    public long backlog() {
        return feed.backlog(CONSUMER);
    }

    private void fanOut(List<StoredEvent> events) {
        List<Endpoint> active = endpoints.listActive();
        if (active.isEmpty()) return;
        Instant now = clock.instant();
        List<Delivery> out = new ArrayList<>();
        for (StoredEvent e : events) {
            String payload = null;
            for (Endpoint ep : active) {
                if (!ep.wants(e.seq(), e.type(), e.organizationId()) || aboutItself(e, ep)) continue;
                if (payload == null) payload = payload(e);
                out.add(new Delivery(ids.next("msg"), ep.id(), e.seq(), e.id(), e.type(), payload, Delivery.PENDING, 0, now,
                        null, null, now, now, null));
            }
        }
        if (!out.isEmpty()) deliveries.insert(out);
    }

    /** An endpoint is not told about its own failures: a failing endpoint would feed itself forever. */
    private static boolean aboutItself(StoredEvent e, Endpoint ep) {
        return e.type().startsWith("webhook.") && e.subjectId() != null && e.subjectId().equals(ep.id());
    }

    String payload(StoredEvent e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", e.id());
        body.put("type", e.type());
        body.put("data", json.readTree(e.data()));
        body.put("organizationId", e.organizationId());
        body.put("timestamp", e.occurredAt().toString());
        body.put("apiVersion", properties.apiVersion());
        return json.writeValueAsString(body);
    }
}
