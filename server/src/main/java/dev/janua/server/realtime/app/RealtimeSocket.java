package dev.janua.server.realtime.app;

import java.util.Set;

/** What the hub needs of one connected, authenticated socket (the web layer implements it). */
public interface RealtimeSocket {
    String userId();

    String sessionId();

    boolean subscribedToUserEvents();

    /** Organizations whose events this socket subscribed to (its user administers them). */
    Set<String> organizations();

    /** Queues a text frame, never waiting for the client; a client too slow to drain its queue is disconnected. */
    void send(OutboundMessage message);

    void close(int code, String reason);
}
