package dev.janua.server.graphql.web;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.realtime.RealtimeFeed;
import graphql.GraphQLContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL subscriptions: each is one subscription of the {@link RealtimeFeed} the WebSocket is
 * built on, so the same events reach both and the same rules hold. When the feed ends a
 * subscription (session revoked, token expired, access lost) the stream ends with an error carrying
 * Janua's code and the WebSocket close code the plain socket would have used.
 */
@Controller
public class RealtimeGraph {
    static final String VIEWER = "janua.realtime.viewer";
    private final RealtimeFeed feed;
    private final JsonMapper json;

    public RealtimeGraph(RealtimeFeed feed, JsonMapper json) {
        this.feed = feed;
        this.json = json;
    }

    @SubscriptionMapping
    public Flux<Map<String, Object>> userEvents(GraphQLContext context) {
        return events(viewer(context), RealtimeFeed.USER_EVENTS, null);
    }

    @SubscriptionMapping
    public Flux<Map<String, Object>> organizationEvents(@Argument String organizationId, GraphQLContext context) {
        return events(viewer(context), RealtimeFeed.ORGANIZATION_EVENTS, organizationId);
    }

    /** Set by {@link GraphQlSocketAuthentication} at connection_init; absent over HTTP, where subscriptions do not run. */
    private static RealtimeFeed.Viewer viewer(GraphQLContext context) {
        RealtimeFeed.Viewer v = context.get(VIEWER);
        if (v == null) throw new JanuaException(ErrorCode.UNAUTHORIZED, Map.of("reason", "subscriptions run over graphql-transport-ws"));
        return v;
    }

    private Flux<Map<String, Object>> events(RealtimeFeed.Viewer viewer, String channel, String organizationId) {
        return Flux.create(sink -> {
            try {
                RealtimeFeed.Subscription subscription = feed.subscribe(viewer, channel, organizationId, new RealtimeFeed.Listener() {
                    @Override
                    public void event(String message) {
                        sink.next(toGraph(message));
                    }

                    @Override
                    public void ended(int closeCode, ErrorCode code) {
                        sink.error(new JanuaException(code, Map.of("closeCode", closeCode)));
                    }
                });
                sink.onDispose(subscription::cancel);
            } catch (JanuaException refused) {
                // not allowed to follow this channel: an error of this operation (GraphQlSubscriptionErrors gives it its code)
                sink.error(refused);
            }
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    private Map<String, Object> toGraph(String message) {
        JsonNode m = json.readTree(message);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", m.path("id").asString());
        e.put("channel", m.path("channel").asString());
        e.put("event", m.path("event").asString());
        e.put("timestamp", m.path("timestamp").asString());
        e.put("organizationId", m.path("organizationId").asString(null));
        e.put("data", json.writeValueAsString(m.path("data")));
        return e;
    }
}
