package dev.janua.server.graphql.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.SubProtocolCapable;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Spring for GraphQL's WebSocket handler, whose session closes are written on a thread of their own.
 *
 * <p>Why: the handler answers a refused {@code connection_init} by closing the socket with 4401 from inside a
 * Reactor task ({@code subscribeOn}); that task is cancelled — its thread interrupted — while Tomcat still
 * writes the close frame, and the client then saw the connection drop (1006) instead of 4401, about one
 * time in four on a quiet machine ({@code GraphQlSubscriptionIntegrationTest}). Writing the close on another
 * thread leaves nothing for that cancellation to interrupt. Everything else goes to the handler unchanged.
 */
final class DetachedCloseHandler extends WebSocketHandlerDecorator implements SubProtocolCapable {
    private static final Logger log = LoggerFactory.getLogger(DetachedCloseHandler.class);
    /** One decorated session per socket, so the handler always sees the same object for it. */
    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();

    DetachedCloseHandler(GraphQlWebSocketHandler graphQl) {
        super(graphQl);
    }

    @Override
    public List<String> getSubProtocols() {
        return ((SubProtocolCapable) getDelegate()).getSubProtocols();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        super.afterConnectionEstablished(detached(session));
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
        super.handleMessage(detached(session), message);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {
        super.handleTransportError(detached(session), exception);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
        WebSocketSession detached = sessions.remove(session.getId());
        super.afterConnectionClosed(detached != null ? detached : session, status);
    }

    private WebSocketSession detached(WebSocketSession session) {
        return sessions.computeIfAbsent(session.getId(), id -> new DetachedClose(session));
    }

    private static final class DetachedClose extends WebSocketSessionDecorator {
        DetachedClose(WebSocketSession session) {
            super(session);
        }

        @Override
        public void close(CloseStatus status) {
            WebSocketSession socket = getDelegate();
            Thread.ofVirtual().name("janua-graphql-ws-close").start(() -> {
                try {
                    socket.close(status);
                } catch (IOException e) {
                    log.debug("GraphQL WebSocket {} could not be closed cleanly: {}", socket.getId(), e.toString());
                }
            });
        }
    }
}
