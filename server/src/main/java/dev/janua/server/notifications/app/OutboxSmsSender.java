package dev.janua.server.notifications.app;

import dev.janua.server.notifications.SmsSender;
import dev.janua.server.notifications.domain.OutboxMessage;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Queues a text message in the outbox; the worker hands it to the configured provider after commit. */
@Service
class OutboxSmsSender implements SmsSender {
    private final NotificationOutbox outbox;

    OutboxSmsSender(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void send(String to, String body) {
        outbox.enqueue(OutboxMessage.SMS, "sms_code", to, Map.of("body", body));
    }
}
