package dev.janua.server.webhooks.web;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.EventCatalogue;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.webhooks.app.WebhookService;
import dev.janua.server.webhooks.domain.Delivery;
import dev.janua.server.webhooks.web.WebhookViews.DeliveryView;
import dev.janua.server.webhooks.web.WebhookViews.EndpointRequest;
import dev.janua.server.webhooks.web.WebhookViews.EndpointView;
import dev.janua.server.webhooks.web.WebhookViews.SecretRequest;
import dev.janua.server.webhooks.web.WebhookViews.SecretView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Webhook endpoints, their secrets, test sends and delivery logs. Endpoints receive the events of
 * the whole instance (or of one organization when {@code organizationId} is set), so managing
 * them is for platform admins.
 */
@JanuaApi
@Tag(name = "Webhooks")
public class WebhookController {
    private static final Set<String> STATUSES = Set.of(Delivery.PENDING, Delivery.DELIVERING, Delivery.SUCCEEDED, Delivery.FAILED);
    private final WebhookService webhooks;
    private final PlatformAdmins admins;

    public WebhookController(WebhookService webhooks, PlatformAdmins admins) {
        this.webhooks = webhooks;
        this.admins = admins;
    }

    @GetMapping("/webhooks/events")
    @Operation(summary = "The event types an endpoint can subscribe to, with their aliases")
    public List<EventCatalogue.Entry> catalogue(Caller caller) {
        return List.copyOf(EventCatalogue.entries().values());
    }

    @PostMapping("/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe an endpoint; the signing secret is returned once")
    public EndpointView create(@RequestBody EndpointRequest body, Caller caller, ClientInfo client) {
        admins.require(caller);
        WebhookService.Created c = webhooks.create(spec(body), caller.userId(), client);
        return EndpointView.of(c.endpoint(), c.secret());
    }

    @GetMapping("/webhooks")
    @Operation(summary = "List webhook endpoints")
    public Page<EndpointView> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) Integer page, Caller caller) {
        admins.require(caller);
        PageRequest p = PageRequest.of(limit, cursor, page);
        List<EndpointView> rows = webhooks.list(p.after(), p.offset(), p.fetchSize()).stream().map(e -> EndpointView.of(e, null)).toList();
        return Page.fromRows(rows, p, EndpointView::id, webhooks.count());
    }

    @GetMapping("/webhooks/{id}")
    @Operation(summary = "Get a webhook endpoint")
    public EndpointView get(@PathVariable String id, Caller caller) {
        admins.require(caller);
        return EndpointView.of(webhooks.get(id), null);
    }

    @PatchMapping("/webhooks/{id}")
    @Operation(summary = "Change some fields of an endpoint (active=false disables, true re-enables)")
    public EndpointView patch(@PathVariable String id, @RequestBody EndpointRequest body, Caller caller, ClientInfo client) {
        admins.require(caller);
        return EndpointView.of(webhooks.update(id, spec(body), caller.userId(), client), null);
    }

    @PutMapping("/webhooks/{id}")
    @Operation(summary = "Replace an endpoint's settings (url and events required)")
    public EndpointView put(@PathVariable String id, @RequestBody EndpointRequest body, Caller caller, ClientInfo client) {
        admins.require(caller);
        if (body.url() == null || body.events() == null) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", body.url() == null ? "url" : "events", "reason", "required"));
        }
        WebhookService.Spec s = spec(body);
        WebhookService.Spec full = new WebhookService.Spec(s.url(), s.events(), s.secret(), s.active() == null ? Boolean.TRUE : s.active(),
                s.description() == null ? "" : s.description(), s.organizationId() == null ? "" : s.organizationId());
        return EndpointView.of(webhooks.update(id, full, caller.userId(), client), null);
    }

    @DeleteMapping("/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an endpoint and its delivery log")
    public void delete(@PathVariable String id, Caller caller, ClientInfo client) {
        admins.require(caller);
        webhooks.delete(id, caller.userId(), client);
    }

    @PostMapping({"/webhooks/{id}/rotate-secret", "/webhooks/{id}/secret/rotate"})
    @Operation(summary = "Rotate the signing secret (generated, or given); the old one also signs for 24 h")
    public SecretView rotate(@PathVariable String id, @RequestBody(required = false) SecretRequest body, Caller caller,
                             ClientInfo client) {
        admins.require(caller);
        String secret = webhooks.rotateSecret(id, body == null ? null : body.secret(), caller.userId(), client);
        return new SecretView(secret, webhooks.get(id).previousSecretUntil());
    }

    @GetMapping("/webhooks/{id}/secret")
    @Operation(summary = "Reveal the current signing secret")
    public SecretView secret(@PathVariable String id, Caller caller) {
        admins.require(caller);
        return new SecretView(webhooks.revealSecret(id), webhooks.get(id).previousSecretUntil());
    }

    @PostMapping("/webhooks/{id}/test")
    @Operation(summary = "Send a webhook.test event now; returns the delivery with its outcome")
    public DeliveryView test(@PathVariable String id, Caller caller) {
        admins.require(caller);
        Delivery d = webhooks.sendTest(id);
        return DeliveryView.of(d, webhooks.attempts(d.id()));
    }

    @GetMapping("/webhooks/{id}/deliveries")
    @Operation(summary = "The endpoint's delivery log, newest first (status: pending|delivering|succeeded|failed)")
    public Page<DeliveryView> deliveries(@PathVariable String id, @RequestParam(required = false) String status,
                                         @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
                                         @RequestParam(required = false) Integer page, Caller caller) {
        admins.require(caller);
        if (status != null && !STATUSES.contains(status)) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "status", "reason", "one of " + STATUSES));
        }
        PageRequest p = PageRequest.of(limit, cursor, page);
        List<DeliveryView> rows = webhooks.deliveries(id, status, p.after(), p.offset(), p.fetchSize()).stream()
                .map(d -> DeliveryView.of(d, null)).toList();
        return Page.fromRows(rows, p, DeliveryView::id, null);
    }

    @GetMapping("/webhooks/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with its payload and every attempt")
    public DeliveryView delivery(@PathVariable String id, @PathVariable String deliveryId, Caller caller) {
        admins.require(caller);
        return DeliveryView.of(webhooks.delivery(id, deliveryId), webhooks.attempts(deliveryId));
    }

    @PostMapping({"/webhooks/{id}/deliveries/{deliveryId}/redeliver", "/webhooks/{id}/deliveries/{deliveryId}/retry"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a delivery again, with the same webhook-id")
    public DeliveryView redeliver(@PathVariable String id, @PathVariable String deliveryId, Caller caller) {
        admins.require(caller);
        return DeliveryView.of(webhooks.redeliver(id, deliveryId), null);
    }

    private static WebhookService.Spec spec(EndpointRequest b) {
        return new WebhookService.Spec(b.url(), b.events(), b.secret(), b.activeFlag(), b.description(), b.organizationId());
    }
}
