package dev.janua.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.janua.server.support.Api;
import dev.janua.server.support.SocketClient;
import dev.janua.server.support.TenantFixtures;
import dev.janua.server.support.TestDatabase;
import dev.janua.server.webhooks.JanuaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12's "also when the sign-in happened on another Janua process": a socket held by this JVM's
 * server receives the session.created raised by a second Janua process on the same PostgreSQL
 * database, carried by this node's own event-feed consumer. Runs in the PostgreSQL pass.
 */
class RealtimeAcrossProcessesIntegrationTest extends TenantFixtures {

    @Test
    void aSignInOnAnotherProcessReachesASocketHeldByThisOne() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "needs a database two processes share: runs with -Djanua.test.db=postgres");
        Path dir = Files.createTempDirectory("janua-realtime-");
        // the same master key: both processes sign and verify access tokens with the shared keys
        Map<String, String> props = JanuaProcess.sharingTheTestDatabase(dir);
        try (JanuaProcess other = JanuaProcess.start(JanuaProcess.freePort(), props, dir.resolve("other.log"))) {
            other.awaitReady(JanuaProcess.START_TIMEOUT);
            Account user = newUser("wsnode");
            SocketClient ws = SocketClient.connect(port, "/v1/ws?token=" + user.token(), null);
            assertThat(ws.next("authenticated").path("userId").asString()).isEqualTo(user.id());
            ws.send(Api.map("type", "subscribe", "channel", "user.events"));
            ws.next("subscribed");

            Api.Response elsewhere = new Api(other.port()).post("/api/v1/auth/signin",
                    Api.map("email", user.email(), "password", PASSWORD),
                    "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Firefox/121.0");
            assertThat(elsewhere.status()).isEqualTo(200);
            String newSession = elsewhere.text("/session/id");
            // the session row exists only because the other process wrote it; the event reached us through the feed
            JsonNode event = ws.next(m -> "session.created".equals(m.path("event").asString())
                    && newSession.equals(m.at("/data/sessionId").asString()));
            assertThat(event.path("type").asString()).isEqualTo("event");
            assertThat(event.path("channel").asString()).isEqualTo("user.events");
            assertThat(event.at("/data/userId").asString()).isEqualTo(user.id());
            assertThat(event.at("/data/deviceInfo").asString()).contains("Firefox");
            ws.socket().abort();
        }
    }
}
