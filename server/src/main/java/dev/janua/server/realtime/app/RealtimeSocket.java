package dev.janua.server.realtime.app;

import java.util.Set;

/** What the hub needs of one connected, authenticated socket (the web layer implements it). */
public interface RealtimeSocket {
    String userId();

    String sessionId();

    boolean subscribedToUserEvents();

    /** Organizations whose events this socket subscribed to (its user administers them). */
    Set<String> organizations();

    /** Queues a text frame; a client too slow to drain its buffer is disconnected. */
    void send(String json);

    void close(int code, String reason);
}
