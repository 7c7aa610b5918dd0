package dev.janua.server.notifications;

/**
 * Sends a text message through the configured {@link SmsProvider} via the durable outbox: written
 * in the caller's transaction (a rolled-back change sends nothing), sent after commit by the
 * outbox worker, retried with backoff, dead-lettered when the gateway keeps refusing it.
 */
public interface SmsSender {
    void send(String to, String body);
}
