package dev.janua.server.platform.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Wakes this process's event consumers when a transaction that published events commits, so they
 * react at once instead of at their next poll. Other processes find the events by polling.
 */
@Component
public class EventSignals {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void onCommit(Runnable listener) {
        listeners.add(listener);
    }

    void committed() {
        for (Runnable l : listeners) l.run();
    }
}
