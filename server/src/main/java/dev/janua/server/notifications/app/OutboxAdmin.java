package dev.janua.server.notifications.app;

import dev.janua.server.notifications.domain.OutboxMessage;
import dev.janua.server.notifications.persistence.JdbcNotificationOutbox;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** What platform admins see of the outbox (never a body) and the redeliver action for dead messages. */
@Service
public class OutboxAdmin {
    public static final List<String> STATUSES = List.of(OutboxMessage.PENDING, OutboxMessage.SENDING, OutboxMessage.SENT,
            OutboxMessage.DEAD, OutboxMessage.WITHHELD);
    /** The default list: what has not been sent (yet). */
    public static final List<String> UNSENT = List.of(OutboxMessage.PENDING, OutboxMessage.SENDING, OutboxMessage.DEAD);
    private final JdbcNotificationOutbox outbox;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;

    OutboxAdmin(JdbcNotificationOutbox outbox, NotificationDispatcher dispatcher, Clock clock) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Every status, zero included, so a dashboard can rely on the keys. */
    public Map<String, Long> counts() {
        Map<String, Long> found = outbox.countByStatus();
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : STATUSES) out.put(s, found.getOrDefault(s, 0L));
        return out;
    }

    public int maxAttempts() {
        return dispatcher.maxAttempts();
    }

    public List<OutboxMessage> list(List<String> statuses, String channel, String before, int offset, int limit) {
        return outbox.list(statuses, channel, before, offset, limit);
    }

    public OutboxMessage get(String id) {
        return outbox.find(id).orElseThrow(() -> JanuaException.of(ErrorCode.NOT_FOUND, "notificationId", id));
    }

    /**
     * Sends a dead message again with a fresh set of attempts (or brings a waiting one forward).
     * A sent message cannot be: its body, one-time tokens included, was wiped.
     */
    public OutboxMessage redeliver(String id) {
        OutboxMessage m = get(id);
        if (!outbox.redeliver(id, clock.instant())) {
            throw new JanuaException(ErrorCode.CONFLICT, Map.of("notificationId", id, "status", m.status(),
                    "reason", "only dead or pending messages can be redelivered"));
        }
        dispatcher.wake();
        return get(id);
    }
}
