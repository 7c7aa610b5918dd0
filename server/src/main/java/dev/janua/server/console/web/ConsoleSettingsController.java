package dev.janua.server.console.web;

import dev.janua.server.console.ConsolePages;
import dev.janua.server.console.app.ConsoleViewer;
import dev.janua.server.notifications.app.OutboxAdmin;
import dev.janua.server.notifications.app.SmsProperties;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.ratelimit.RateLimitCategory;
import dev.janua.server.ratelimit.app.RateLimitProperties;
import dev.janua.server.tokens.app.SigningKeyRing;
import dev.janua.server.tokens.app.SigningKeyRotation;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.webhooks.WebhookStatus;
import java.net.URI;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The deployment's settings as they are in force (platform admins): signing keys (rotate now),
 * rate limits, the email and SMS providers, and the delivery queues. Configuration itself stays
 * in the environment ({@code JANUA_*}); this page shows it and never a credential.
 */
@Controller
@ConsolePages
@RequestMapping("/console/settings")
public class ConsoleSettingsController {
    private final SigningKeyRing keys;
    private final SigningKeyRotation rotation;
    private final RateLimitProperties limits;
    private final JanuaProperties properties;
    private final SmsProperties sms;
    private final OutboxAdmin outbox;
    private final WebhookStatus webhooks;
    private final PlatformAdmins admins;

    public ConsoleSettingsController(SigningKeyRing keys, SigningKeyRotation rotation, RateLimitProperties limits, JanuaProperties properties,
                                     SmsProperties sms, OutboxAdmin outbox, WebhookStatus webhooks, PlatformAdmins admins) {
        this.keys = keys;
        this.rotation = rotation;
        this.limits = limits;
        this.properties = properties;
        this.sms = sms;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.admins = admins;
    }

    public record LimitRow(String category, long capacity, String period, String keyedBy) {}

    @GetMapping
    ModelAndView settings(ConsoleViewer viewer) {
        admins.require(viewer.caller());
        SigningKeyRing.Snapshot s = keys.current();
        ModelAndView mv = new ModelAndView("console/settings");
        mv.addObject("activeKid", s.activeKid());
        mv.addObject("activeSince", Console.when(s.activeSince()));
        mv.addObject("publishedKids", s.publicSet().getKeys().stream().map(k -> k.getKeyID()).toList());
        mv.addObject("limits", Stream.of(RateLimitCategory.values()).map(c -> {
            RateLimitProperties.Effective e = limits.limit(c);
            return new LimitRow(c.wire(), e.capacity(), e.period().toString().substring(2).toLowerCase(), c.keyedBy());
        }).toList());
        mv.addObject("email", properties.smtpUrl().isBlank() ? null : host(properties.smtpUrl()));
        mv.addObject("smsProvider", sms.provider());
        mv.addObject("smsHost", sms.httpUrl().isBlank() ? null : host(sms.httpUrl()));
        mv.addObject("outbox", outbox.counts());
        mv.addObject("outboxStatuses", OutboxAdmin.STATUSES);
        mv.addObject("deliveries", webhooks.deliveriesByStatus());
        mv.addObject("fanoutBacklog", webhooks.fanoutBacklog());
        return mv;
    }

    @PostMapping("/signing-keys/rotate")
    ModelAndView rotate(ConsoleViewer viewer, @RequestParam(required = false) String confirm, ClientInfo client) {
        Confirmations.require(confirm);
        rotation.rotate(viewer.caller(), client);
        return Console.done("/console/settings", "key_rotated");
    }

    /** Only the host of a provider URL: the URL may carry a user and password. */
    private static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "?" : h;
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }
}
