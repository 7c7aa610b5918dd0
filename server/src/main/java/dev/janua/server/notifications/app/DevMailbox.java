package dev.janua.server.notifications.app;

import dev.janua.server.notifications.EmailMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/** The last messages sent without SMTP, so a developer can finish email flows locally. */
@Component
public class DevMailbox {
    private static final int CAPACITY = 500;
    private final Deque<EmailMessage> messages = new ArrayDeque<>();

    synchronized void add(EmailMessage m) {
        messages.addFirst(m);
        while (messages.size() > CAPACITY) messages.removeLast();
    }

    public synchronized List<EmailMessage> list(String to) {
        return messages.stream().filter(m -> to == null || m.to().equalsIgnoreCase(to)).toList();
    }
}
