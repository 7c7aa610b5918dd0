package dev.janua.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The WebSocket API over a real socket (the JDK's client), fed by the domain-event feed. */
class RealtimeIntegrationTest extends TenantFixtures {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A connected client: every text frame parsed into {@code messages}, the close code into {@code closed}. */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closed.complete(code);
            return null;
        }

        void send(Object message) {
            socket.sendText(JSON.writeValueAsString(message), true).join();
        }

        /** The next message matching {@code p}, skipping heartbeats and others; fails after a generous wait. */
        JsonNode next(Predicate<JsonNode> p) throws InterruptedException {
            while (true) {
                JsonNode m = messages.poll(30, TimeUnit.SECONDS);
                if (m == null) throw new AssertionError("no matching message arrived");
                if (p.test(m)) return m;
            }
        }

        JsonNode next(String type) throws InterruptedException {
            return next(m -> type.equals(m.path("type").asString()));
        }
    }

    Client connect(String pathAndQuery, String... headers) {
        Client c = new Client();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        c.socket = b.buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), c).join();
        return c;
    }

    @Test
    void subscribedToUserEventsReceivesSessionCreatedWhenTheSameUserSignsInElsewhere() throws Exception {
        Account user = newUser("wsseed");
        Client ws = connect("/v1/ws?token=" + user.token());
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
        ws.socket.abort();
    }

    @Test
    void authenticatesByHeaderOrByAFirstAuthMessage() throws Exception {
        Account user = newUser("wsauth");
        Client byHeader = connect("/api/v1/ws", "Authorization", Api.bearer(user.token()));
        assertThat(byHeader.next("authenticated").path("userId").asString()).isEqualTo(user.id());
        byHeader.socket.abort();

        Client byMessage = connect("/api/v1/ws");
        byMessage.send(Api.map("type", "subscribe", "channel", "user.events"));
        assertThat(byMessage.next("error").path("code").asString()).isEqualTo("UNAUTHORIZED");
        byMessage.send(Api.map("type", "auth", "token", user.token()));
        assertThat(byMessage.next("authenticated").path("userId").asString()).isEqualTo(user.id());
        byMessage.socket.abort();
    }

    @Test
    void aBadTokenIsRefusedAndTheSocketClosed() throws Exception {
        Client ws = connect("/v1/ws?token=not-a-token");
        assertThat(ws.next("error").path("code").asString()).isEqualTo("INVALID_TOKEN");
        assertThat(ws.closed.get(30, TimeUnit.SECONDS)).isEqualTo(4401);
    }

    @Test
    void anotherUsersEventsAreRefused() throws Exception {
        Account user = newUser("wsother");
        Account other = newUser("wsother2");
        Client ws = connect("/v1/ws?token=" + user.token());
        ws.next("authenticated");
        ws.send(Api.map("type", "subscribe", "channel", "user.events", "userId", other.id()));
        assertThat(ws.next("error").path("code").asString()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        ws.socket.abort();
    }

    @Test
    void organizationEventsAreForOrganizationAdminsOnly() throws Exception {
        Account owner = newUser("wsorg");
        String org = createOrg(owner);
        Account viewer = memberOf(org, "viewer", "wsviewer");
        Client v = connect("/v1/ws?token=" + viewer.token());
        v.next("authenticated");
        v.send(Api.map("type", "subscribe", "channel", "organization.events", "organizationId", org));
        assertThat(v.next("error").path("code").asString()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        v.socket.abort();

        Client o = connect("/v1/ws?token=" + owner.token());
        o.next("authenticated");
        o.send(Api.map("type", "subscribe", "channel", "organization.events", "organizationId", org));
        assertThat(o.next("subscribed").path("organizationId").asString()).isEqualTo(org);
        assertThat(api.patch("/api/v1/organizations/" + org, Api.map("name", "Renamed"), owner.auth()).status()).isEqualTo(200);
        JsonNode e = o.next(m -> "organization.updated".equals(m.path("event").asString()));
        assertThat(e.path("channel").asString()).isEqualTo("organization.events");
        assertThat(e.path("organizationId").asString()).isEqualTo(org);
        o.socket.abort();
    }

    @Test
    void theSocketClosesWhenItsSessionIsRevoked() throws Exception {
        Account user = newUser("wsrevoke");
        Client ws = connect("/v1/ws?token=" + user.token());
        ws.next("authenticated");
        Account other = signIn(user);
        assertThat(api.post("/api/v1/sessions/revoke-all", null, other.auth()).status()).isEqualTo(200);
        assertThat(ws.closed.get(30, TimeUnit.SECONDS)).isEqualTo(4001);
    }
}
