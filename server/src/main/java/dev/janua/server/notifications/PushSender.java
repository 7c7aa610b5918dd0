package dev.janua.server.notifications;

import java.util.Map;

/**
 * Queues a push notification for one device in the durable outbox: written in the caller's
 * transaction, sent after commit by the outbox worker through the {@link PushTransport}, retried
 * with backoff, dead-lettered when the provider keeps refusing it. Returns the outbox message id.
 */
public interface PushSender {
    String send(String deviceId, String title, String body, Map<String, String> data);
}
