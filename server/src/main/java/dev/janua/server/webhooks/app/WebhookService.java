package dev.janua.server.webhooks.app;

import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.AfterCommit;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventCatalogue;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.webhooks.WebhookProperties;
import dev.janua.server.webhooks.domain.Delivery;
import dev.janua.server.webhooks.domain.Endpoint;
import dev.janua.server.webhooks.domain.TargetPolicy;
import dev.janua.server.webhooks.domain.WebhookSecrets;
import dev.janua.server.webhooks.persistence.JdbcWebhookDeliveries;
import dev.janua.server.webhooks.persistence.JdbcWebhookEndpoints;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Endpoint management (writes publish {@code webhook.*} events), test sends and redelivery. */
@Service
public class WebhookService {
    private final JdbcWebhookEndpoints endpoints;
    private final JdbcWebhookDeliveries deliveries;
    private final WebhookDispatcher dispatcher;
    private final EventPublisher events;
    private final SecretBox secrets;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final WebhookProperties properties;
    private final TargetPolicy targets;

    public WebhookService(JdbcWebhookEndpoints endpoints, JdbcWebhookDeliveries deliveries, WebhookDispatcher dispatcher,
                          EventPublisher events, SecretBox secrets, IdGenerator ids, Clock clock, TransactionTemplate tx,
                          JsonMapper json, WebhookProperties properties) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.events = events;
        this.secrets = secrets;
        this.ids = ids;
        this.clock = clock;
        this.tx = tx;
        this.json = json;
        this.properties = properties;
        this.targets = new TargetPolicy(properties.allowPrivateTargets());
    }

    /** A new or changed endpoint; null fields of a change keep their value. */
    public record Spec(String url, List<String> events, String secret, Boolean active, String description, String organizationId) {}

    public record Created(Endpoint endpoint, String secret) {}

    @Transactional
    public Created create(Spec spec, String actorId, ClientInfo client) {
        if (spec.url() == null) throw invalid("url", "required");
        if (spec.events() == null || spec.events().isEmpty()) throw invalid("events", "required");
        String secret = spec.secret() == null || spec.secret().isBlank() ? WebhookSecrets.generate() : spec.secret().trim();
        WebhookSecrets.refuse(secret).ifPresent(reason -> {
            throw invalid("secret", reason);
        });
        Instant now = clock.instant();
        String id = ids.next("wh");
        Endpoint e = new Endpoint(id, checkUrl(spec.url()), checkDescription(spec.description()), normalise(spec.events()),
                blankToNull(spec.organizationId()), secrets.seal(secret, "webhook:" + id), null, null,
                spec.active() == null || spec.active(), null, 0, actorId, now, now);
        endpoints.insert(e);
        Endpoint saved = endpoints.find(id).orElseThrow();
        publish("webhook.created", saved, actorId, Map.of(), client);
        return new Created(saved, secret);
    }

    public Endpoint get(String id) {
        return endpoints.find(id).orElseThrow(() -> new JanuaException(ErrorCode.WEBHOOK_NOT_FOUND, Map.of("webhookId", id)));
    }

    public List<Endpoint> list(String after, int offset, int limit) {
        return endpoints.list(after, offset, limit);
    }

    public long count() {
        return endpoints.count();
    }

    /** PATCH semantics; PUT callers pass a complete spec. Re-enabling clears the disabled reason. */
    @Transactional
    public Endpoint update(String id, Spec spec, String actorId, ClientInfo client) {
        Endpoint before = get(id);
        boolean active = spec.active() == null ? before.active() : spec.active();
        Endpoint after = new Endpoint(id, spec.url() == null ? before.url() : checkUrl(spec.url()),
                spec.description() == null ? before.description() : checkDescription(spec.description()),
                spec.events() == null ? before.events() : normalise(spec.events()),
                spec.organizationId() == null ? before.organizationId() : blankToNull(spec.organizationId()),
                before.secretSealed(), before.previousSecretSealed(), before.previousSecretUntil(), active,
                active ? null : before.active() ? "disabled_by_user" : before.disabledReason(),
                before.startsAfterSeq(), before.createdBy(), before.createdAt(), before.updatedAt());
        if (spec.secret() != null && !spec.secret().isBlank()) rotate(before, spec.secret().trim(), actorId, client);
        endpoints.update(after, clock.instant());
        Endpoint saved = get(id);
        publish("webhook.updated", saved, actorId, Map.of("previousData", view(before)), client);
        return saved;
    }

    @Transactional
    public void delete(String id, String actorId, ClientInfo client) {
        Endpoint e = get(id);
        endpoints.delete(id);
        publish("webhook.deleted", e, actorId, Map.of(), client);
    }

    /** A new secret; the old one keeps signing (as a second signature) for the overlap period. */
    @Transactional
    public String rotateSecret(String id, String given, String actorId, ClientInfo client) {
        Endpoint e = get(id);
        String secret = given == null || given.isBlank() ? WebhookSecrets.generate() : given.trim();
        rotate(e, secret, actorId, client);
        return secret;
    }

    public String revealSecret(String id) {
        return secrets.open(get(id).secretSealed(), "webhook:" + id);
    }

    /** Sends a {@code webhook.test} event now and returns the delivery with its outcome (no retries). */
    public Delivery sendTest(String id) {
        Endpoint e = get(id);
        Instant now = clock.instant();
        String msgId = ids.next("msg");
        String eventId = ids.next("evt");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", "webhook.test");
        body.put("data", Map.of("webhookId", id, "message", "This is a test event from Janua"));
        body.put("organizationId", e.organizationId());
        body.put("timestamp", now.toString());
        body.put("apiVersion", properties.apiVersion());
        String token = UUID.randomUUID().toString();
        Delivery d = new Delivery(msgId, id, null, eventId, "webhook.test", json.writeValueAsString(body), Delivery.PENDING, 0,
                now.plusSeconds(3600), null, null, now, now, null);
        // inserted due in an hour so no dispatcher takes it, then claimed by this request and sent now
        tx.executeWithoutResult(s -> deliveries.insert(List.of(d)));
        deliveries.claimOne(msgId, now, now.plus(properties.lease()), token).ifPresent(c -> dispatcher.attempt(c, token));
        return deliveries.find(id, msgId).orElseThrow();
    }

    public List<Delivery> deliveries(String id, String status, String before, int offset, int limit) {
        get(id);
        return deliveries.list(id, status, before, offset, limit);
    }

    public Delivery delivery(String id, String deliveryId) {
        return deliveries.find(id, deliveryId)
                .orElseThrow(() -> new JanuaException(ErrorCode.NOT_FOUND, Map.of("resource", "delivery", "id", deliveryId)));
    }

    public List<Delivery.Attempt> attempts(String deliveryId) {
        return deliveries.attempts(deliveryId);
    }

    /**
     * Sends a delivery again with the same webhook-id (a receiver that deduplicates will ignore it).
     * The dispatcher is woken once the change has committed, so its pass finds the row.
     */
    @Transactional
    public Delivery redeliver(String id, String deliveryId) {
        delivery(id, deliveryId);
        if (!deliveries.redeliver(id, deliveryId, clock.instant())) {
            throw new JanuaException(ErrorCode.CONFLICT, Map.of("reason", "delivery_in_flight"));
        }
        AfterCommit.run(dispatcher::wake);
        return delivery(id, deliveryId);
    }

    private void rotate(Endpoint e, String secret, String actorId, ClientInfo client) {
        WebhookSecrets.refuse(secret).ifPresent(reason -> {
            throw invalid("secret", reason);
        });
        Instant now = clock.instant();
        endpoints.rotateSecret(e.id(), secrets.seal(secret, "webhook:" + e.id()), e.secretSealed(),
                now.plus(properties.secretRotationOverlap()), now);
        publish("webhook.secret_rotated", e, actorId, Map.of("previousSecretValidUntil",
                now.plus(properties.secretRotationOverlap()).toString()), client);
    }

    private void publish(String type, Endpoint e, String actorId, Map<String, Object> extra, ClientInfo client) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhook", view(e));
        data.putAll(extra);
        events.publish(new DomainEvent(type, e.id(), actorId, e.organizationId(), data), client);
    }

    private static Map<String, Object> view(Endpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("url", e.url());
        m.put("events", e.events());
        m.put("active", e.active());
        m.put("organizationId", e.organizationId());
        return m;
    }

    private String checkUrl(String url) {
        String u = url.trim();
        if (u.length() > 2048) throw invalid("url", "too long");
        targets.refuse(u).ifPresent(reason -> {
            throw invalid("url", reason);
        });
        return u;
    }

    private static String checkDescription(String d) {
        if (d != null && d.length() > 500) throw invalid("description", "at most 500 characters");
        return d;
    }

    private static List<String> normalise(List<String> patterns) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String p : patterns) EventCatalogue.normalisePattern(p).ifPresentOrElse(out::add, () -> unknown.add(String.valueOf(p)));
        if (!unknown.isEmpty()) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "events", "reason", "unknown_event_type",
                    "unknown", unknown));
        }
        if (out.size() > 100) throw invalid("events", "at most 100 entries");
        return List.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static JanuaException invalid(String field, String reason) {
        return new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", reason));
    }
}
