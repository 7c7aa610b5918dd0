package dev.janua.server.notifications.app;

import dev.janua.server.notifications.SmsMessage;
import dev.janua.server.notifications.SmsProvider;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The development provider: logs each message and keeps the last ones for {@code GET /dev/sms}. */
public final class DevSmsOutbox implements SmsProvider {
    private static final Logger log = LoggerFactory.getLogger(DevSmsOutbox.class);
    private static final int CAPACITY = 500;
    private final Deque<SmsMessage> messages = new ArrayDeque<>();

    @Override
    public synchronized void deliver(SmsMessage m) {
        messages.addFirst(m);
        while (messages.size() > CAPACITY) messages.removeLast();
        log.info("sms (development provider) to={} body=\"{}\"", m.to(), m.body());
    }

    @Override
    public String name() {
        return "dev";
    }

    public synchronized List<SmsMessage> list(String to) {
        return messages.stream().filter(m -> to == null || m.to().equals(to)).toList();
    }
}
