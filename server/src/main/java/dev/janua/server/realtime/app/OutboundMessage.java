package dev.janua.server.realtime.app;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One text frame on its way to one or more sockets. A fan-out hands the same message to every socket
 * it reaches, so its characters are in memory once however many send queues hold it: {@link #hold}
 * and {@link #release} count the queues, and the node's send budget is charged by the first holder
 * and given back by the last.
 */
public final class OutboundMessage {
    private final String json;
    private final AtomicInteger holders = new AtomicInteger();

    private OutboundMessage(String json) {
        this.json = json;
    }

    public static OutboundMessage of(String json) {
        return new OutboundMessage(json);
    }

    public String json() {
        return json;
    }

    /** Characters: the frames are JSON, nearly all ASCII, which the JVM stores one byte per character. */
    public int size() {
        return json.length();
    }

    /** One more queue holds this message; true when it is the first (the caller charges the budget). */
    public boolean hold() {
        return holders.getAndIncrement() == 0;
    }

    /** A queue let go of this message; true when it was the last (the caller gives the budget back). */
    public boolean release() {
        return holders.decrementAndGet() == 0;
    }
}
