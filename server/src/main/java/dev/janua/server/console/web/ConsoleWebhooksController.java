package dev.janua.server.console.web;

import dev.janua.server.console.ConsolePages;
import dev.janua.server.console.app.ConsoleViewer;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.EventCatalogue;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.webhooks.app.WebhookService;
import dev.janua.server.webhooks.domain.Delivery;
import dev.janua.server.webhooks.domain.Endpoint;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Webhooks (platform admins, as the webhook API): endpoints and their event selection, the
 * delivery log with status, response code and latency, redelivery, secret rotation (the new
 * secret shown once) and a test send.
 */
@Controller
@ConsolePages
@RequestMapping("/console/webhooks")
public class ConsoleWebhooksController {
    static final int PAGE_SIZE = 25;
    private static final Set<String> STATUSES = Set.of(Delivery.PENDING, Delivery.DELIVERING, Delivery.SUCCEEDED, Delivery.FAILED);
    private final WebhookService webhooks;
    private final PlatformAdmins admins;

    public ConsoleWebhooksController(WebhookService webhooks, PlatformAdmins admins) {
        this.webhooks = webhooks;
        this.admins = admins;
    }

    public record DeliveryRow(String id, String eventType, String status, int attempts, Integer statusCode, Integer latencyMs,
                              String error, String createdAt) {}

    @GetMapping
    ModelAndView list(ConsoleViewer viewer, @RequestParam(required = false) String cursor) {
        return listPage(viewer, cursor);
    }

    /** Answers with the page itself: the signing secret is in this response only. */
    @PostMapping
    ModelAndView create(ConsoleViewer viewer, @RequestParam(required = false) String url, @RequestParam(required = false) List<String> events,
                        @RequestParam(required = false) String description, ClientInfo client) {
        admins.require(viewer.caller());
        WebhookService.Created c = webhooks.create(new WebhookService.Spec(url, events == null ? List.of() : events, null, true,
                Console.blankToNull(description), null), viewer.userId(), client);
        return endpointPage(viewer, c.endpoint().id(), null, null, c.secret());
    }

    @GetMapping("/{id}")
    ModelAndView endpoint(ConsoleViewer viewer, @PathVariable String id, @RequestParam(required = false) String status,
                          @RequestParam(required = false) String cursor) {
        return endpointPage(viewer, id, status, cursor, null);
    }

    @PostMapping("/{id}/events")
    ModelAndView events(ConsoleViewer viewer, @PathVariable String id, @RequestParam(required = false) List<String> events,
                        @RequestParam(required = false) String active, ClientInfo client) {
        admins.require(viewer.caller());
        webhooks.update(id, new WebhookService.Spec(null, events == null ? List.of() : events, null, "true".equals(active), null, null),
                viewer.userId(), client);
        return Console.done(path(id), "webhook_saved");
    }

    @PostMapping("/{id}/test")
    ModelAndView test(ConsoleViewer viewer, @PathVariable String id) {
        admins.require(viewer.caller());
        Delivery d = webhooks.sendTest(id);
        return Console.done(path(id), Delivery.SUCCEEDED.equals(d.status()) ? "test_succeeded" : "test_failed");
    }

    @PostMapping("/{id}/rotate-secret")
    ModelAndView rotate(ConsoleViewer viewer, @PathVariable String id, @RequestParam(required = false) String confirm, ClientInfo client) {
        admins.require(viewer.caller());
        Confirmations.require(confirm);
        String secret = webhooks.rotateSecret(id, null, viewer.userId(), client);
        return endpointPage(viewer, id, null, null, secret);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    ModelAndView redeliver(ConsoleViewer viewer, @PathVariable String id, @PathVariable String deliveryId) {
        admins.require(viewer.caller());
        webhooks.redeliver(id, deliveryId);
        return Console.done(path(id), "redelivery_queued");
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(ConsoleViewer viewer, @PathVariable String id, @RequestParam(required = false) String confirm, ClientInfo client) {
        admins.require(viewer.caller());
        Confirmations.require(confirm);
        webhooks.delete(id, viewer.userId(), client);
        return Console.done("/console/webhooks", "webhook_deleted");
    }

    private ModelAndView listPage(ConsoleViewer viewer, String cursor) {
        admins.require(viewer.caller());
        PageRequest p = PageRequest.of(PAGE_SIZE, Console.blankToNull(cursor), null);
        Page<Endpoint> page = Page.fromRows(webhooks.list(p.after(), p.offset(), p.fetchSize()), p, Endpoint::id, null);
        ModelAndView mv = new ModelAndView("console/webhooks");
        mv.addObject("endpoints", page.data());
        mv.addObject("nextCursor", page.pagination().nextCursor());
        mv.addObject("paged", cursor != null && !cursor.isBlank());
        mv.addObject("eventTypes", List.copyOf(EventCatalogue.entries().keySet()));
        return mv;
    }

    private ModelAndView endpointPage(ConsoleViewer viewer, String id, String status, String cursor, String newSecret) {
        admins.require(viewer.caller());
        String s = Console.blankToNull(status);
        if (s != null && !STATUSES.contains(s)) throw JanuaException.of(ErrorCode.VALIDATION_ERROR, "field", "status");
        Endpoint e = webhooks.get(id);
        PageRequest p = PageRequest.of(PAGE_SIZE, Console.blankToNull(cursor), null);
        Page<Delivery> page = Page.fromRows(webhooks.deliveries(id, s, p.after(), p.offset(), p.fetchSize()), p, Delivery::id, null);
        ModelAndView mv = new ModelAndView("console/webhook");
        mv.addObject("e", e);
        mv.addObject("deliveries", page.data().stream().map(this::row).toList());
        mv.addObject("nextCursor", page.pagination().nextCursor());
        mv.addObject("paged", cursor != null && !cursor.isBlank());
        mv.addObject("status", s == null ? "" : s);
        mv.addObject("eventTypes", List.copyOf(EventCatalogue.entries().keySet()));
        mv.addObject("newSecret", newSecret);
        mv.addObject("previousSecretUntil", e.previousSecretUntil() == null ? null : Console.when(e.previousSecretUntil()));
        return mv;
    }

    /** The latency shown is the last attempt's. */
    private DeliveryRow row(Delivery d) {
        List<Delivery.Attempt> attempts = d.attempts() == 0 ? List.of() : webhooks.attempts(d.id());
        Integer latency = attempts.isEmpty() ? null : attempts.getLast().durationMs();
        return new DeliveryRow(d.id(), d.eventType(), d.status(), d.attempts(), d.lastStatusCode(), latency, d.lastError(),
                Console.when(d.createdAt()));
    }

    private static String path(String id) {
        return "/console/webhooks/" + id;
    }
}
