package dev.janua.server.realtime.web;

import dev.janua.server.realtime.RealtimeProperties;
import dev.janua.server.realtime.app.OutboundMessage;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The node-wide bound on frames waiting for clients. Each socket's queue has its own limit
 * ({@code sendBufferBytes}), but a thousand clients that stop reading, each with a full queue of
 * its own user's events, would hold more than the default heap; past this budget a socket that is
 * behind is closed (4008) instead of queueing more. A frame shared by many sockets counts once.
 */
@Component
class SendBudget {
    private final long limit;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong slowClosed = new AtomicLong();

    @Autowired
    SendBudget(RealtimeProperties properties, MeterRegistry registry) {
        this(properties.nodeSendBufferBytes());
        Gauge.builder("janua.realtime.send.queued", held, AtomicLong::get).baseUnit("bytes")
                .description("Frames queued for WebSocket clients on this node (a frame shared by many sockets counts once)")
                .register(registry);
        FunctionCounter.builder("janua.realtime.slow.disconnects", slowClosed, AtomicLong::get)
                .description("Sockets closed with 4008 because their client read too slowly")
                .register(registry);
    }

    SendBudget(long limit) {
        this.limit = limit;
    }

    void hold(OutboundMessage m) {
        if (m.hold()) held.addAndGet(m.size());
    }

    void release(OutboundMessage m) {
        if (m.release()) held.addAndGet(-m.size());
    }

    boolean spent() {
        return held.get() > limit;
    }

    long held() {
        return held.get();
    }

    void slowClientClosed() {
        slowClosed.incrementAndGet();
    }
}
