package dev.janua.server.graphql.web;

import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.realtime.RealtimeFeed;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authentication of a graphql-transport-ws connection: the {@code connection_init} payload carries
 * the access token ({@code {"Authorization": "Bearer …"}}, the convention of graphql-ws clients, or
 * {@code {"token": "…"}}), checked by the real-time feed with the WebSocket's rules. A refused
 * init closes the socket with 4401 (the protocol's Unauthorized). Every operation of the connection
 * then runs as that caller: the same request scope as HTTP, so queries and mutations sent over the
 * socket follow REST's rules too.
 */
@Component
public class GraphQlSocketAuthentication implements WebSocketGraphQlInterceptor {
    private final RealtimeFeed feed;

    public GraphQlSocketAuthentication(RealtimeFeed feed) {
        this.feed = feed;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        String token = token(payload);
        try {
            RealtimeFeed.Viewer viewer = feed.authenticate(token);
            String agent = session.getHeaders().getFirst("User-Agent");
            String ip = session.getRemoteAddress() == null ? null : session.getRemoteAddress().getAddress().getHostAddress();
            session.getAttributes().put(RealtimeGraph.VIEWER, viewer);
            session.getAttributes().put(GraphQlRequestScope.ATTRIBUTE, new GraphQlRequestScope(viewer::caller, new ClientInfo(ip, agent, null)));
            return Mono.empty();
        } catch (JanuaException e) {
            return Mono.error(e);
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest ws && ws.getSessionInfo().getAttributes().get(RealtimeGraph.VIEWER) instanceof RealtimeFeed.Viewer v) {
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(ctx -> ctx.put(RealtimeGraph.VIEWER, v)).build());
        }
        return chain.next(request);
    }

    private static String token(Map<String, Object> payload) {
        if (payload == null) return "";
        Object auth = payload.getOrDefault("Authorization", payload.get("authorization"));
        if (auth instanceof String a && a.regionMatches(true, 0, "Bearer ", 0, 7)) return a.substring(7).trim();
        Object token = payload.getOrDefault("token", payload.get("accessToken"));
        return token instanceof String t ? t : "";
    }
}
