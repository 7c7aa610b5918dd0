package dev.janua.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.SocketClient;
import dev.janua.server.support.TenantFixtures;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL subscriptions over the graphql-transport-ws protocol with a real WebSocket client (the
 * JDK's): the same events as the real-time socket, the same authorization, the same endings.
 */
class GraphQlSubscriptionIntegrationTest extends TenantFixtures {
    private static final String PROTOCOL = "graphql-transport-ws";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SocketClient connected(String token) throws Exception {
        SocketClient ws = SocketClient.connect(port, "/api/v1/graphql/ws", PROTOCOL);
        ws.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        ws.next("connection_ack");
        return ws;
    }

    private static void subscribe(SocketClient ws, String id, String query) {
        ws.send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
    }

    @Test
    void userEventsDeliversSessionCreatedWhenTheSameUserSignsInElsewhere() throws Exception {
        Account user = newUser("gqlsub");
        SocketClient ws = connected(user.token());
        subscribe(ws, "1", "subscription { userEvents { id channel event timestamp data } }");
        // the subscription is live once the feed holds it; a sign-in now must reach it
        Thread.sleep(200);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", user.email(), "password", PASSWORD),
                "User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.1 Safari/605.1.15").status())
                .isEqualTo(200);

        JsonNode next = ws.next(m -> "next".equals(m.path("type").asString())
                && "session.created".equals(m.at("/payload/data/userEvents/event").asString()));
        assertThat(next.path("id").asString()).isEqualTo("1");
        JsonNode event = next.at("/payload/data/userEvents");
        assertThat(event.path("channel").asString()).isEqualTo("user.events");
        assertThat(event.path("id").asString()).startsWith("evt_");
        JsonNode data = JSON.readTree(event.path("data").asString());
        assertThat(data.path("userId").asString()).isEqualTo(user.id());
        assertThat(data.path("sessionId").asString()).startsWith("sess_");
        ws.socket().abort();
    }

    @Test
    void aConnectionWithoutAValidTokenIsClosedWith4401() throws Exception {
        SocketClient ws = SocketClient.connect(port, "/v1/graphql/ws", PROTOCOL);
        ws.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer not-a-token")));
        assertThat(ws.closed.get(30, TimeUnit.SECONDS)).isEqualTo(4401);
        SocketClient none = SocketClient.connect(port, "/v1/graphql/ws", PROTOCOL);
        none.send(Map.of("type", "connection_init"));
        assertThat(none.closed.get(30, TimeUnit.SECONDS)).isEqualTo(4401);
    }

    @Test
    void organizationEventsAreForOrganizationAdminsOnly() throws Exception {
        Account owner = newUser("gqlorg-owner");
        String org = createOrg(owner);
        Account member = memberOf(org, "member", "gqlorg-member");

        SocketClient m = connected(member.token());
        subscribe(m, "o1", "subscription($o: ID!) { organizationEvents(organizationId: $o) { event } }".replace("$o: ID!", "$o: ID!"));
        m.send(Map.of("id", "o2", "type", "subscribe", "payload", Map.of("query",
                "subscription($o: ID!) { organizationEvents(organizationId: $o) { event } }", "variables", Map.of("o", org))));
        JsonNode refused = m.next(x -> "error".equals(x.path("type").asString()) && "o2".equals(x.path("id").asString()));
        assertThat(refused.at("/payload/0/extensions/code").asString()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        m.socket().abort();

        SocketClient o = connected(owner.token());
        o.send(Map.of("id", "o3", "type", "subscribe", "payload", Map.of("query",
                "subscription($o: ID!) { organizationEvents(organizationId: $o) { event organizationId } }", "variables", Map.of("o", org))));
        Thread.sleep(200);
        assertThat(api.patch("/api/v1/organizations/" + org, Api.map("description", "changed"), owner.auth()).status()).isEqualTo(200);
        JsonNode e = o.next(x -> "next".equals(x.path("type").asString())
                && "organization.updated".equals(x.at("/payload/data/organizationEvents/event").asString()));
        assertThat(e.at("/payload/data/organizationEvents/organizationId").asString()).isEqualTo(org);
        o.socket().abort();
    }

    @Test
    void theSubscriptionEndsWithSessionExpiredWhenItsSessionIsRevoked() throws Exception {
        Account user = newUser("gqlrevoke");
        SocketClient ws = connected(user.token());
        subscribe(ws, "r1", "subscription { userEvents { event } }");
        Thread.sleep(200);
        Account other = signIn(user);
        assertThat(api.post("/api/v1/sessions/revoke-all", null, other.auth()).status()).isEqualTo(200);
        JsonNode ended = ws.next(x -> "error".equals(x.path("type").asString()) && "r1".equals(x.path("id").asString()));
        assertThat(ended.at("/payload/0/extensions/code").asString()).isEqualTo("SESSION_EXPIRED");
        assertThat(ended.at("/payload/0/extensions/details/closeCode").asInt()).isEqualTo(4001);
        ws.socket().abort();
    }

    @Test
    void theSubscriptionEndsWhenItsAccessTokenExpires() throws Exception {
        Account user = newUser("gqlexpiry");
        SocketClient ws = connected(user.token());
        subscribe(ws, "x1", "subscription { userEvents { event } }");
        Thread.sleep(200);
        clock.advance(Duration.ofMinutes(61));
        JsonNode ended = ws.next(x -> "error".equals(x.path("type").asString()) && "x1".equals(x.path("id").asString()));
        assertThat(ended.at("/payload/0/extensions/code").asString()).isEqualTo("INVALID_TOKEN");
        assertThat(ended.at("/payload/0/extensions/details/closeCode").asInt()).isEqualTo(4002);
        ws.socket().abort();
    }
}
