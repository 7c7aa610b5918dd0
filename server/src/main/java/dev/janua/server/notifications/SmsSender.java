package dev.janua.server.notifications;

/**
 * Sends a text message through the configured {@link SmsProvider} once the surrounding
 * transaction commits (a rolled-back change sends nothing). Delivery failures are logged, not
 * thrown: the user can ask for a new code.
 */
public interface SmsSender {
    void send(String to, String body);
}
