package dev.janua.server.notifications;

import java.util.Locale;
import java.util.Map;

/**
 * Sends templated, localised email. Delivery happens after the surrounding transaction commits
 * (a rolled-back sign-up sends nothing) and off the request thread.
 */
public interface Mailer {
    void send(String template, Locale locale, String to, Map<String, String> variables);
}
