package dev.janua.server.notifications.app;

import dev.janua.server.notifications.NotificationJobs;
import dev.janua.server.notifications.domain.OutboxMessage;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Jobs are outbox rows of channel {@code job}, with no recipient in clear: the payload is sealed like a message body. */
@Service
class OutboxJobs implements NotificationJobs {
    private final NotificationOutbox outbox;

    OutboxJobs(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void enqueue(String kind, Map<String, String> payload) {
        outbox.enqueueJob(kind, payload);
    }
}
