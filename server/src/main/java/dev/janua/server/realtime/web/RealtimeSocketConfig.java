package dev.janua.server.realtime.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The WebSocket endpoints, {@code /api/v1/ws} and {@code /v1/ws} (seed 000). Any origin may connect:
 * a socket is authenticated by a bearer token the page must hold, never by an ambient cookie, so a
 * foreign page gains nothing by opening one (no cross-site WebSocket hijacking).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class RealtimeSocketConfig implements WebSocketConfigurer {
    public static final String[] PATHS = {"/api/v1/ws", "/v1/ws"};
    private final RealtimeSocketHandler handler;

    public RealtimeSocketConfig(RealtimeSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATHS).addInterceptors(new RealtimeHandshake()).setAllowedOriginPatterns("*");
    }
}
