package dev.janua.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.support.TestDatabase;
import dev.janua.server.webhooks.JanuaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A second Janua process on the same PostgreSQL database: sign-in failures alternating between
 * it and this JVM's server lock an account and an unknown email alike at the fifth, and both
 * processes answer the lock the same way. Runs in the PostgreSQL pass of {@code ./janua test}.
 */
class LockoutAcrossProcessesIntegrationTest extends IntegrationTest {

    @Test
    void failuresSpreadOverTwoProcessesLockKnownAndUnknownEmailsAlike() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "needs a database two processes share: runs with -Djanua.test.db=postgres");
        Path dir = Files.createTempDirectory("janua-lockout-");
        // the same master key: the unknown-email counter is keyed by an HMAC derived from it
        Map<String, String> props = JanuaProcess.sharingTheTestDatabase(dir);
        try (JanuaProcess other = JanuaProcess.start(JanuaProcess.freePort(), props, dir.resolve("other.log"))) {
            other.awaitReady(JanuaProcess.START_TIMEOUT);
            Api[] nodes = {api, new Api(other.port())};
            String known = uniqueEmail("mp-known");
            signUp(known);
            String unknown = uniqueEmail("mp-ghost");
            for (int i = 1; i <= 7; i++) {
                Api node = nodes[i % 2];
                Api.Response a = node.post("/api/v1/auth/signin", Api.map("email", known, "password", "definitely not it"));
                Api.Response b = node.post("/api/v1/auth/signin", Api.map("email", unknown, "password", "definitely not it"));
                UnknownEmailLockoutIntegrationTest.assertSameAnswer(i, a, b);
                assertThat(a.status()).as("attempt %d", i).isEqualTo(i < 5 ? 401 : 423);
                if (i < 5) assertThat(b.json().at("/error/details/attempts_remaining").asInt()).isEqualTo(5 - i);
            }
        }
    }
}
