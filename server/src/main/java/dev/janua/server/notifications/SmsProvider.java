package dev.janua.server.notifications;

/**
 * Where text messages go: the development outbox, a generic HTTP gateway, or an operator's own
 * implementation (declare a bean of this type). Throws when the gateway refuses the message.
 */
public interface SmsProvider {
    void deliver(SmsMessage message) throws Exception;

    String name();
}
