package dev.janua.server.notifications;

import java.util.Locale;
import java.util.Map;

/**
 * Sends templated, localised email through the durable outbox: the message is written in the
 * caller's transaction (a rolled-back sign-up sends nothing, a committed one is never lost) and
 * sent after commit by the outbox worker, with retries. See docs/notifications.md.
 */
public interface Mailer {
    void send(String template, Locale locale, String to, Map<String, String> variables);
}
