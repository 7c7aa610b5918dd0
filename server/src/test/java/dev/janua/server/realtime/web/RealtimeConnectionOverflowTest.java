package dev.janua.server.realtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The slow-client rule (docs/realtime.md, close 4008) without a real slow socket: a real client that
 * stops reading only stalls the server once megabytes fill both TCP buffers, and then the close frame
 * sits behind the stalled write, so that test could not be made reliable without timing. Here the
 * underlying session's write blocks on a latch instead — exactly the state a client that never reads
 * puts Tomcat in — and the next event past the send buffer must close the socket with 4008.
 */
class RealtimeConnectionOverflowTest {

    @Test
    void anEventPastTheSendBufferWhileAWriteIsStuckClosesTheSocketWith4008() throws Exception {
        StuckSession raw = new StuckSession();
        // a one-minute send limit: only the byte limit can trip here, whatever the machine's load
        RealtimeConnection connection = new RealtimeConnection(raw, 1024, 60_000, Instant.now());

        Thread first = Thread.ofPlatform().start(() -> connection.send("{\"type\":\"heartbeat\"}"));
        raw.writing.await(); // the first frame is now inside a write the client never drains

        connection.send("{\"type\":\"event\",\"data\":\"" + "x".repeat(2048) + "\"}");

        assertThat(raw.closedWith).isNotNull();
        assertThat(raw.closedWith.getCode()).isEqualTo(4008).isEqualTo(RealtimeConnection.CLOSE_TOO_SLOW);
        assertThat(raw.written).as("the overflowing event was never written").hasSize(1);
        raw.release.countDown();
        first.join();
        connection.send("{\"type\":\"heartbeat\"}");
        assertThat(raw.written).as("nothing is sent once closed").hasSize(1);
    }

    /** A session whose first write blocks until released, as Tomcat's blocking send does for a client that never reads. */
    static final class StuckSession implements WebSocketSession {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<WebSocketMessage<?>> written = new CopyOnWriteArrayList<>();
        volatile CloseStatus closedWith;
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();

        @Override
        public void sendMessage(WebSocketMessage<?> message) {
            written.add(message);
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean isOpen() {
            return closedWith == null;
        }

        @Override
        public void close() {
            close(CloseStatus.NORMAL);
        }

        @Override
        public void close(CloseStatus status) {
            closedWith = status;
        }

        @Override
        public String getId() {
            return "stuck";
        }

        @Override
        public URI getUri() {
            return URI.create("ws://127.0.0.1/v1/ws");
        }

        @Override
        public HttpHeaders getHandshakeHeaders() {
            return new HttpHeaders();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public Principal getPrincipal() {
            return null;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return null;
        }

        @Override
        public String getAcceptedProtocol() {
            return null;
        }

        @Override
        public void setTextMessageSizeLimit(int messageSizeLimit) {}

        @Override
        public int getTextMessageSizeLimit() {
            return 0;
        }

        @Override
        public void setBinaryMessageSizeLimit(int messageSizeLimit) {}

        @Override
        public int getBinaryMessageSizeLimit() {
            return 0;
        }

        @Override
        public List<WebSocketExtension> getExtensions() {
            return List.of();
        }
    }
}
