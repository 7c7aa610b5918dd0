package dev.janua.server.devices.domain;

import java.util.Map;

/** What a push notification shows and carries: seed 000's {@code title}, {@code body} and flat {@code data}. */
public record PushContent(String messageId, String title, String body, Map<String, String> data) {
    public PushContent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
