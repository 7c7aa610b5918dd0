package dev.janua.server.notifications;

import java.time.Instant;
import java.util.Map;

/**
 * One push notification taken from the outbox for one device: {@code messageId} is the outbox row
 * (stable across retries, so a provider that deduplicates sees the same id), {@code deviceId} the
 * device's Janua id ({@code dev_…}); the device's token is looked up when the message is sent, so a
 * token replaced or withdrawn in the meantime is honoured.
 */
public record PushMessage(String messageId, String deviceId, String title, String body, Map<String, String> data, Instant createdAt) {
    public PushMessage {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
