package dev.janua.server.platform.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Wakes this process's event consumers when a transaction that published events commits, so they
 * react at once instead of at their next poll. Other processes find the events by polling.
 * Observers of committed events (the domain metrics) get the events of the transaction, once, after
 * commit: counts never include a change that rolled back, and nothing is read back from the database.
 */
@Component
public class EventSignals {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<DomainEvent>>> observers = new CopyOnWriteArrayList<>();

    public void onCommit(Runnable listener) {
        listeners.add(listener);
    }

    /** {@code observer} runs on the committing thread: it must be as cheap as a counter increment. */
    public void onCommittedEvents(Consumer<List<DomainEvent>> observer) {
        observers.add(observer);
    }

    void committed(List<DomainEvent> events) {
        for (Runnable l : listeners) l.run();
        for (Consumer<List<DomainEvent>> o : observers) {
            try {
                o.accept(events);
            } catch (RuntimeException e) {
                // an observer's bug must not surface as a failure of a change that has committed
                org.slf4j.LoggerFactory.getLogger(EventSignals.class).warn("committed-event observer failed: {}", e.toString());
            }
        }
    }
}
