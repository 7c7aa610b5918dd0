package dev.janua.server.notifications.app;

import dev.janua.server.notifications.EmailMessage;
import dev.janua.server.notifications.Mailer;
import dev.janua.server.notifications.domain.OutboxMessage;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Renders the template in the caller's locale now, and queues the result in the outbox. */
@Service
class OutboxMailer implements Mailer {
    private final EmailTemplates templates;
    private final NotificationOutbox outbox;

    OutboxMailer(EmailTemplates templates, NotificationOutbox outbox) {
        this.templates = templates;
        this.outbox = outbox;
    }

    @Override
    public void send(String template, Locale locale, String to, Map<String, String> variables) {
        EmailMessage m = templates.render(template, locale, to, variables);
        outbox.enqueue(OutboxMessage.EMAIL, template, m.to(), Map.of("subject", m.subject(), "body", m.body()));
    }
}
