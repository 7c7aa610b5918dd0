package dev.janua.server.realtime.web;

import java.util.Map;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Takes the access token offered at the handshake, from {@code Authorization: Bearer …} (servers,
 * native apps) or {@code ?token=} (browsers, which cannot set headers on a WebSocket; seed 000).
 * The token is kept in the socket's attributes only, never logged. Without one, the client must
 * send an {@code auth} message first.
 */
final class RealtimeHandshake implements HandshakeInterceptor {
    static final String TOKEN = "janua.realtime.token";

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        String header = request.getHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7) {
            attributes.put(TOKEN, header.substring(7).trim());
        } else {
            String token = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("token");
            if (token != null && !token.isBlank()) attributes.put(TOKEN, token);
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception e) {}
}
