package dev.janua.server.notifications.app;

import dev.janua.server.notifications.EmailMessage;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Email texts live in the message bundles ({@code email.<template>.subject|body}) beside the error
 * messages, so they are translated the same way; {@code {name}} placeholders are filled here.
 */
@Component
class EmailTemplates {
    private final MessageSource messages;
    private final Clock clock;

    EmailTemplates(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    EmailMessage render(String template, Locale locale, String to, Map<String, String> variables) {
        String subject = fill(messages.getMessage("email." + template + ".subject", null, locale), variables);
        String body = fill(messages.getMessage("email." + template + ".body", null, locale), variables);
        return new EmailMessage(to, subject, body, template, clock.instant());
    }

    private static String fill(String text, Map<String, String> variables) {
        String out = text;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue() == null ? "" : v.getValue());
        }
        return out;
    }
}
