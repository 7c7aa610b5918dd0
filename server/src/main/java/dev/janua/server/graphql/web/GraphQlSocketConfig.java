package dev.janua.server.graphql.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over WebSocket, {@code graphql-transport-ws} protocol (the graphql-ws library's), at
 * {@code /api/v1/graphql/ws} and {@code /v1/graphql/ws}: a path of its own, beside the HTTP
 * endpoint, so the route guard can let the handshake through (the socket authenticates in
 * {@code connection_init}, {@link GraphQlSocketAuthentication}) without opening any HTTP route.
 * 10 s to send {@code connection_init}, a ping every 25 s, as the plain real-time socket.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class GraphQlSocketConfig implements WebSocketConfigurer {
    public static final String[] PATHS = {"/api/v1/graphql/ws", "/v1/graphql/ws"};
    private final GraphQlWebSocketHandler handler;

    public GraphQlSocketConfig(WebGraphQlHandler graphQl, JsonMapper json) {
        @SuppressWarnings("unchecked")
        HttpMessageConverter<Object> converter = (HttpMessageConverter<Object>) (HttpMessageConverter<?>) new JacksonJsonHttpMessageConverter(json);
        this.handler = new GraphQlWebSocketHandler(graphQl, converter, Duration.ofSeconds(10), Duration.ofSeconds(25));
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Spring for GraphQL's own handshake interceptors (they carry the context snapshot into the session)
        HandshakeInterceptor[] interceptors = handler.initWebSocketHttpRequestHandler(new DefaultHandshakeHandler())
                .getHandshakeInterceptors().toArray(HandshakeInterceptor[]::new);
        // any origin: the socket is authenticated by a bearer token in connection_init, never by a cookie
        registry.addHandler(new DetachedCloseHandler(handler), PATHS).addInterceptors(interceptors).setAllowedOriginPatterns("*");
    }
}
