package dev.janua.server.webhooks.app;

import dev.janua.server.notifications.Mailer;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.webhooks.domain.Delivery;
import dev.janua.server.webhooks.domain.Endpoint;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells the endpoint's creator by email that a delivery was dead-lettered (sent after commit). */
@Component
public class DeadLetterNotifier {
    private final UserDirectory users;
    private final Mailer mailer;

    public DeadLetterNotifier(UserDirectory users, Mailer mailer) {
        this.users = users;
        this.mailer = mailer;
    }

    void notify(Endpoint ep, Delivery d, String error) {
        if (ep.createdBy() == null) return;
        users.findById(ep.createdBy()).ifPresent(u -> mailer.send("webhook_dead_letter",
                u.locale() == null ? Locale.ENGLISH : Locale.forLanguageTag(u.locale()), u.email(),
                Map.of("name", u.displayName(), "url", ep.url(), "webhookId", ep.id(), "deliveryId", d.id(),
                        "eventType", d.eventType(), "attempts", String.valueOf(d.attempts()), "error", error)));
    }
}
