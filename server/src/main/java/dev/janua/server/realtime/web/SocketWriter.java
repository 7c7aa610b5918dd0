package dev.janua.server.realtime.web;

import dev.janua.server.realtime.app.OutboundMessage;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
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
 * stopped reading (measured before this class: one such client delayed another socket's events by 20 s,
 * docs/realtime.md "Slow clients").
 *
 * <p>A socket is <em>behind</em> when the oldest frame it has not finished writing was queued more than
 * {@code behindMillis} ago; a client that keeps up is never behind, even while a burst of events waits
 * for its writer. It is closed with 4008, its queue dropped, when a frame has waited longer than the send
 * time limit, or when it is behind and either its queue would pass {@code bufferBytes} or the node's
 * {@link SendBudget} is spent.
 */
final class SocketWriter {
    static final int CLOSE_TOO_SLOW = 4008;
    /** Long enough that a client reading at all is never behind; short against Tomcat's 20 s send timeout. */
    static final long BEHIND_MILLIS = 1_000;
    private final WebSocketSession raw;
    private final SendBudget budget;
    private final int bufferBytes;
    private final long sendTimeNanos;
    private final long behindNanos;
    private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedBytes = new AtomicInteger(); // queued + the frame being written
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<CloseStatus> closing = new AtomicReference<>(); // set once: how the socket ends
    private volatile boolean aborted;         // too slow or failed: nothing more is written, the queue is dropped
    private volatile long writingSince;       // when the frame being written was queued; 0 while none is

    private record Queued(OutboundMessage message, long at) {}

    SocketWriter(WebSocketSession raw, SendBudget budget, int bufferBytes, long sendTimeMillis, long behindMillis) {
        this.raw = raw;
        this.budget = budget;
        this.bufferBytes = bufferBytes;
        // saturating: a send time limit of years must mean "never", not overflow into "always"
        this.sendTimeNanos = TimeUnit.MILLISECONDS.toNanos(sendTimeMillis);
        this.behindNanos = TimeUnit.MILLISECONDS.toNanos(behindMillis);
    }

    /** Queues a frame; never blocks. */
    void send(OutboundMessage m) {
        if (closing.get() != null || !raw.isOpen()) return;
        long now = System.nanoTime();
        if (tooSlow(m, now)) {
            closeTooSlow();
            return;
        }
        budget.hold(m);
        queuedBytes.addAndGet(m.size());
        queue.add(new Queued(m, now));
        if (aborted) dropQueue(); // a too-slow close raced this frame in: it must not stay held
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
        aborted = true;
        dropQueue();
    }

    private boolean tooSlow(OutboundMessage m, long now) {
        long waited = now - oldestUnwritten(now);
        if (waited > sendTimeNanos) return true;
        if (waited <= behindNanos) return false;
        return queuedBytes.get() + m.size() > bufferBytes || budget.spent();
    }

    /** When the oldest frame not yet written was queued: the one being written, else the head of the queue; now when none. */
    private long oldestUnwritten(long now) {
        long since = writingSince;
        if (since != 0) return since;
        Queued head = queue.peek();
        return head == null ? now : head.at();
    }

    /** At once, not behind the queue: the queue goes now and the close frame is sent on a thread that may wait. */
    private void closeTooSlow() {
        if (!closing.compareAndSet(null, new CloseStatus(CLOSE_TOO_SLOW, "too slow"))) return;
        aborted = true;
        budget.slowClientClosed();
        dropQueue();
        Thread.ofVirtual().name("janua-realtime-close").start(this::closeSocket);
    }

    private void startDraining() {
        if (draining.compareAndSet(false, true)) Thread.ofVirtual().name("janua-realtime-writer").start(this::drain);
    }

    private void drain() {
        do {
            Queued q;
            while ((q = queue.poll()) != null) write(q);
            if (closing.get() != null) {
                dropQueue(); // frames a racing sender queued after the close was decided
                closeSocket();
            }
            draining.set(false);
            // a close decided after the check above found the flag still set and started no drain: look again
        } while ((!queue.isEmpty() || closing.get() != null && !closed.get()) && draining.compareAndSet(false, true));
    }

    private void write(Queued q) {
        try {
            if (!aborted && !closed.get() && raw.isOpen()) {
                writingSince = q.at();
                raw.sendMessage(new TextMessage(q.message().json()));
            }
        } catch (IOException | RuntimeException e) {
            // Tomcat's send timeout, a reset connection: nothing more can reach this client
            closing.compareAndSet(null, CloseStatus.SERVER_ERROR.withReason("send failed"));
            aborted = true;
            dropQueue();
        } finally {
            writingSince = 0;
            done(q.message());
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
        Queued q;
        while ((q = queue.poll()) != null) done(q.message());
    }

    private void done(OutboundMessage m) {
        budget.release(m);
        queuedBytes.addAndGet(-m.size());
    }

    int queuedBytes() {
        return queuedBytes.get();
    }
}
