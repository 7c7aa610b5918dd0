package dev.janua.server.realtime.web;

import dev.janua.server.platform.security.Caller;
import dev.janua.server.realtime.app.OutboundMessage;
import dev.janua.server.realtime.app.RealtimeSocket;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One socket: who it is (once authenticated), what it subscribed to, and its writer, which sends on a
 * thread of its own and closes the socket with {@link SocketWriter#CLOSE_TOO_SLOW} when the client reads
 * too slowly (docs/realtime.md).
 */
final class RealtimeConnection implements RealtimeSocket {
    private final WebSocketSession raw;
    private final SocketWriter out;
    private final Instant openedAt;
    private final Set<String> organizations = ConcurrentHashMap.newKeySet();
    private volatile Caller caller;
    private volatile Instant tokenExpiresAt;
    private volatile boolean userEvents;

    RealtimeConnection(WebSocketSession raw, SocketWriter out, Instant openedAt) {
        this.raw = raw;
        this.out = out;
        this.openedAt = openedAt;
    }

    void authenticated(Caller caller, Instant tokenExpiresAt) {
        this.caller = caller;
        this.tokenExpiresAt = tokenExpiresAt;
    }

    Caller caller() {
        return caller;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }

    String id() {
        return raw.getId();
    }

    void userEvents(boolean on) {
        userEvents = on;
    }

    @Override
    public String userId() {
        return caller == null ? null : caller.userId();
    }

    @Override
    public String sessionId() {
        return caller == null ? null : caller.sessionId();
    }

    @Override
    public boolean subscribedToUserEvents() {
        return userEvents;
    }

    @Override
    public Set<String> organizations() {
        return organizations;
    }

    @Override
    public void send(OutboundMessage message) {
        out.send(message);
    }

    /** After the frames already queued, so an error reply reaches the client before the close that follows it. */
    @Override
    public void close(int code, String reason) {
        out.close(new CloseStatus(code, reason));
    }

    /** The socket is closed: drop what is still queued for it. */
    void closed() {
        out.dispose();
    }
}
