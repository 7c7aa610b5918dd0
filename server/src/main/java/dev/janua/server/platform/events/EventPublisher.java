package dev.janua.server.platform.events;

import dev.janua.server.platform.web.ClientInfo;

/** Appends domain events to the event log; must be called inside the transaction of the change. */
public interface EventPublisher {
    void publish(DomainEvent event, ClientInfo client);
}
