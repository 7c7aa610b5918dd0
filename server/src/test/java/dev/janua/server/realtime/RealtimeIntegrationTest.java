package dev.janua.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.SocketClient;
import dev.janua.server.support.TenantFixtures;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The WebSocket API over a real socket (the JDK's client), fed by the domain-event feed. */
class RealtimeIntegrationTest extends TenantFixtures {

    SocketClient connect(String pathAndQuery, String... headers) {
        return SocketClient.connect(port, pathAndQuery, null, headers);
    }

    @Test
    void subscribedToUserEventsReceivesSessionCreatedWhenTheSameUserSignsInElsewhere() throws Exception {
        Account user = newUser("wsseed");
        SocketClient ws = connect("/v1/ws?token=" + user.token());
        assertThat(ws.next("authenticated").path("userId").asString()).isEqualTo(user.id());
        ws.send(Api.map("type", "subscribe", "channel", "user.events", "userId", user.id()));
        assertThat(ws.next("subscribed").path("channel").asString()).isEqualTo("user.events");

        Api.Response elsewhere = api.post("/api/v1/auth/signin", Api.map("email", user.email(), "password", PASSWORD),
                "User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36");
        String newSession = elsewhere.text("/session/id");
        // the sign-up's own session.created may still be in flight when the socket subscribes: wait for this one
        JsonNode event = ws.next(m -> "session.created".equals(m.path("event").asString())
                && newSession.equals(m.at("/data/sessionId").asString()));
        assertThat(event.path("channel").asString()).isEqualTo("user.events");
        assertThat(event.path("timestamp").asString()).isNotBlank();
        assertThat(event.at("/data/sessionId").asString()).isEqualTo(newSession);
        assertThat(event.at("/data/deviceInfo").asString()).contains("Chrome");
        assertThat(event.path("data").has("location")).isTrue();
        ws.socket().abort();
    }

    @Test
    void authenticatesByHeaderOrByAFirstAuthMessage() throws Exception {
        Account user = newUser("wsauth");
        SocketClient byHeader = connect("/api/v1/ws", "Authorization", Api.bearer(user.token()));
        assertThat(byHeader.next("authenticated").path("userId").asString()).isEqualTo(user.id());
        byHeader.socket().abort();

        SocketClient byMessage = connect("/api/v1/ws");
        byMessage.send(Api.map("type", "subscribe", "channel", "user.events"));
        assertThat(byMessage.next("error").path("code").asString()).isEqualTo("UNAUTHORIZED");
        byMessage.send(Api.map("type", "auth", "token", user.token()));
        assertThat(byMessage.next("authenticated").path("userId").asString()).isEqualTo(user.id());
        byMessage.socket().abort();
    }

    @Test
    void aBadTokenIsRefusedAndTheSocketClosed() throws Exception {
        SocketClient ws = connect("/v1/ws?token=not-a-token");
        assertThat(ws.next("error").path("code").asString()).isEqualTo("INVALID_TOKEN");
        assertThat(ws.closed.get(30, TimeUnit.SECONDS)).isEqualTo(4401);
    }

    @Test
    void anotherUsersEventsAreRefused() throws Exception {
        Account user = newUser("wsother");
        Account other = newUser("wsother2");
        SocketClient ws = connect("/v1/ws?token=" + user.token());
        ws.next("authenticated");
        ws.send(Api.map("type", "subscribe", "channel", "user.events", "userId", other.id()));
        assertThat(ws.next("error").path("code").asString()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        ws.socket().abort();
    }

    @Test
    void organizationEventsAreForOrganizationAdminsOnly() throws Exception {
        Account owner = newUser("wsorg");
        String org = createOrg(owner);
        Account viewer = memberOf(org, "viewer", "wsviewer");
        SocketClient v = connect("/v1/ws?token=" + viewer.token());
        v.next("authenticated");
        v.send(Api.map("type", "subscribe", "channel", "organization.events", "organizationId", org));
        assertThat(v.next("error").path("code").asString()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        v.socket().abort();

        SocketClient o = connect("/v1/ws?token=" + owner.token());
        o.next("authenticated");
        o.send(Api.map("type", "subscribe", "channel", "organization.events", "organizationId", org));
        assertThat(o.next("subscribed").path("organizationId").asString()).isEqualTo(org);
        assertThat(api.patch("/api/v1/organizations/" + org, Api.map("name", "Renamed"), owner.auth()).status()).isEqualTo(200);
        JsonNode e = o.next(m -> "organization.updated".equals(m.path("event").asString()));
        assertThat(e.path("channel").asString()).isEqualTo("organization.events");
        assertThat(e.path("organizationId").asString()).isEqualTo(org);
        o.socket().abort();
    }

    @Test
    void theSocketClosesWhenItsSessionIsRevoked() throws Exception {
        Account user = newUser("wsrevoke");
        SocketClient ws = connect("/v1/ws?token=" + user.token());
        ws.next("authenticated");
        Account other = signIn(user);
        assertThat(api.post("/api/v1/sessions/revoke-all", null, other.auth()).status()).isEqualTo(200);
        assertThat(ws.closed.get(30, TimeUnit.SECONDS)).isEqualTo(4001);
    }

    @Test
    void theSocketClosesWith4002WhenItsAccessTokenExpires() throws Exception {
        Account user = newUser("wsexpiry");
        SocketClient ws = connect("/v1/ws?token=" + user.token());
        ws.next("authenticated");
        // past the access token's lifetime (1 h): the next heartbeat (1 s in tests) closes with 4002, before any session check
        clock.advance(Duration.ofMinutes(61));
        assertThat(ws.closed.get(30, TimeUnit.SECONDS)).isEqualTo(4002);
    }
}
