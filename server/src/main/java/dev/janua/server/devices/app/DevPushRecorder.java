package dev.janua.server.devices.app;

import dev.janua.server.devices.domain.Device;
import dev.janua.server.devices.domain.PushContent;
import dev.janua.server.devices.domain.PushOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development provider, beside the dev mailbox and SMS outbox: records each notification (for
 * {@code GET /dev/push}) instead of sending it. Used outside production for devices whose push
 * service is not configured, so an app can be built against Janua with no Firebase or Apple account.
 */
public final class DevPushRecorder implements PushProvider {
    private static final Logger log = LoggerFactory.getLogger(DevPushRecorder.class);
    private static final int CAPACITY = 500;
    private final Deque<Recorded> messages = new ArrayDeque<>();
    private final Clock clock;

    /** {@code wouldUse} is the service the device would get in production. */
    public record Recorded(String id, String userId, String deviceId, String device, String platform, String wouldUse, String title,
                           String body, Map<String, String> data, Instant sentAt) {}

    DevPushRecorder(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "dev";
    }

    @Override
    public PushOutcome send(Device device, PushContent content) {
        return record(device, content, "dev");
    }

    synchronized PushOutcome record(Device d, PushContent c, String wouldUse) {
        messages.addFirst(new Recorded(c.messageId(), d.userId(), d.deviceId(), d.id(), d.platform(), wouldUse, c.title(), c.body(),
                c.data(), clock.instant()));
        while (messages.size() > CAPACITY) messages.removeLast();
        log.info("push (development provider) to device={} user={} title=\"{}\"", d.id(), d.userId(), c.title());
        return new PushOutcome.Delivered(c.messageId());
    }

    /** Newest first; {@code userId} or {@code deviceId} (either id) narrow the list. */
    public synchronized List<Recorded> list(String userId, String deviceId) {
        return messages.stream().filter(m -> userId == null || m.userId().equals(userId))
                .filter(m -> deviceId == null || m.deviceId().equals(deviceId) || m.device().equals(deviceId)).toList();
    }
}
