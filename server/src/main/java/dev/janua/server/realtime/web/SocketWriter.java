package dev.janua.server.realtime.web;

import dev.janua.server.realtime.app.OutboundMessage;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Writes one socket's frames, in order, on a virtual thread of its own; callers only queue. Tomcat's
 * write blocks while the client is not reading, for up to its 20 s send timeout, so a write made on the
 * fan-out or heartbeat thread would hold up every other socket of the node behind one client that
 * stopped reading (measured before this class: one such client delayed another socket's event by 20 s,
 * docs/realtime.md). A socket is closed with 4008 and its queue dropped when a frame would take its queue
 * past {@code bufferBytes}, when its current write has lasted longer than the send time limit, or when the
 * node's {@link SendBudget} is spent while it is behind.
 */
final class SocketWriter {
    static final int CLOSE_TOO_SLOW = 4008;
    private final WebSocketSession raw;
    private final SendBudget budget;
    private final int bufferBytes;
    private final long sendTimeNanos;
    private final Queue<OutboundMessage> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedBytes = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long writeStartedNanos; // 0 while no write is in progress
    private final AtomicReference<CloseStatus> closing = new AtomicReference<>(); // set once: how the socket ends

    SocketWriter(WebSocketSession raw, SendBudget budget, int bufferBytes, long sendTimeMillis) {
        this.raw = raw;
        this.budget = budget;
        this.bufferBytes = bufferBytes;
        this.sendTimeNanos = sendTimeMillis * 1_000_000;
    }

    /** Queues a frame; never blocks. */
    void send(OutboundMessage m) {
        if (closing.get() != null || !raw.isOpen()) return;
        if (tooSlowFor(m)) {
            closeTooSlow();
            return;
        }
        budget.hold(m);
        queuedBytes.addAndGet(m.size());
        queue.add(m);
        startDraining();
    }

    /** Closes after the frames already queued have been written (an error, then 4401, arrive in that order). */
    void close(CloseStatus status) {
        if (closing.compareAndSet(null, status)) startDraining();
    }

    /** The socket is gone (closed by either side): whatever is still queued goes, and the budget with it. */
    void dispose() {
        closing.compareAndSet(null, CloseStatus.NORMAL);
        closed.set(true);
        dropQueue();
    }

    private boolean tooSlowFor(OutboundMessage m) {
        long started = writeStartedNanos;
        int queued = queuedBytes.get();
        return queued + m.size() > bufferBytes
                || started != 0 && System.nanoTime() - started > sendTimeNanos
                || queued > 0 && budget.spent();
    }

    /** At once, not behind the queue: the queue goes now and the close frame is sent on a thread that may wait. */
    private void closeTooSlow() {
        if (!closing.compareAndSet(null, new CloseStatus(CLOSE_TOO_SLOW, "too slow"))) return;
        budget.slowClientClosed();
        dropQueue();
        Thread.ofVirtual().name("janua-realtime-close").start(this::closeSocket);
    }

    private void startDraining() {
        if (draining.compareAndSet(false, true)) Thread.ofVirtual().name("janua-realtime-writer").start(this::drain);
    }

    private void drain() {
        do {
            OutboundMessage m;
            while ((m = queue.poll()) != null) write(m);
            if (closing.get() != null) {
                dropQueue(); // frames a racing sender queued after the close was decided
                closeSocket();
            }
            draining.set(false);
        } while (!queue.isEmpty() && draining.compareAndSet(false, true));
    }

    private void write(OutboundMessage m) {
        try {
            if (!closed.get() && raw.isOpen()) {
                writeStartedNanos = System.nanoTime();
                raw.sendMessage(new TextMessage(m.json()));
            }
        } catch (IOException | RuntimeException e) {
            // Tomcat's send timeout, a reset connection: nothing more can reach this client
            closing.compareAndSet(null, CloseStatus.SERVER_ERROR.withReason("send failed"));
            dropQueue();
        } finally {
            writeStartedNanos = 0;
            done(m);
        }
    }

    private void closeSocket() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            if (raw.isOpen()) raw.close(closing.get());
        } catch (IOException | RuntimeException e) {
            // already closing
        }
    }

    private void dropQueue() {
        OutboundMessage m;
        while ((m = queue.poll()) != null) done(m);
    }

    private void done(OutboundMessage m) {
        queuedBytes.addAndGet(-m.size());
        budget.release(m);
    }

    int queuedBytes() {
        return queuedBytes.get();
    }
}
