package dev.janua.server.notifications.app;

import dev.janua.server.notifications.PushSender;
import dev.janua.server.notifications.domain.OutboxMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Queues a push notification in the outbox; the worker hands it to the {@link dev.janua.server.notifications.PushTransport}. */
@Service
class OutboxPushSender implements PushSender {
    private final NotificationOutbox outbox;
    private final JsonMapper json;

    OutboxPushSender(NotificationOutbox outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public String send(String deviceId, String title, String body, Map<String, String> data) {
        Map<String, String> content = new LinkedHashMap<>();
        content.put("title", title == null ? "" : title);
        content.put("body", body == null ? "" : body);
        content.put("data", json.writeValueAsString(data == null ? Map.of() : data));
        return outbox.enqueue(OutboxMessage.PUSH, "push", deviceId, content);
    }
}
