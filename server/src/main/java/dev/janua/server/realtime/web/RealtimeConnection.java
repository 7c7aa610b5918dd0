package dev.janua.server.realtime.web;

import dev.janua.server.platform.security.Caller;
import dev.janua.server.realtime.app.RealtimeSocket;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * One socket: who it is (once authenticated), what it subscribed to, and its bounded send buffer.
 * Spring's decorator serialises sends and buffers while the client is slow; past the byte limit or
 * the time limit the connection is closed with {@link #CLOSE_TOO_SLOW} rather than buffering without end.
 */
final class RealtimeConnection implements RealtimeSocket {
    static final int CLOSE_TOO_SLOW = 4008;
    private final WebSocketSession raw;
    private final ConcurrentWebSocketSessionDecorator out;
    private final Instant openedAt;
    private final Set<String> organizations = ConcurrentHashMap.newKeySet();
    private volatile Caller caller;
    private volatile Instant tokenExpiresAt;
    private volatile boolean userEvents;

    RealtimeConnection(WebSocketSession raw, int bufferBytes, int sendTimeMillis, Instant openedAt) {
        this.raw = raw;
        this.out = new ConcurrentWebSocketSessionDecorator(raw, sendTimeMillis, bufferBytes,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
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
    public void send(String json) {
        if (!raw.isOpen()) return;
        try {
            out.sendMessage(new TextMessage(json));
        } catch (SessionLimitExceededException e) {
            close(CLOSE_TOO_SLOW, "send buffer overflow");
        } catch (IOException | IllegalStateException e) {
            close(CloseStatus.SERVER_ERROR.getCode(), "send failed");
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            if (raw.isOpen()) raw.close(new CloseStatus(code, reason));
        } catch (IOException | IllegalStateException e) {
            // already closing
        }
    }
}
