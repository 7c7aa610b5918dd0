package dev.janua.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.support.TestDatabase;
import dev.janua.server.support.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Janua processes on one PostgreSQL and one Redis (plus this JVM's server on the same
 * database): a client's rate limit is one limit whichever process it reaches, and every webhook
 * is delivered exactly once. Runs in the PostgreSQL pass of {@code ./janua test}.
 */
class MultiProcessIntegrationTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REDIS = TestRedis.URL;
    private static final int CHANGES = 200;

    @Test
    void rateLimitsAreSharedAndEachWebhookIsDeliveredOnce() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "needs PostgreSQL and Redis: runs with -Djanua.test.db=postgres (the PostgreSQL pass)");
        TestRedis.assumeReachable();
        Path dir = Files.createTempDirectory("janua-multi-");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("janua.database-url", TestDatabase.jdbcUrl());
        props.put("janua.data-dir", dir.toString());
        props.put("janua.master-key", Files.readString(TestDatabase.dataDir().resolve("master.key")).trim());
        props.put("janua.redis-url", REDIS);
        props.put("janua.rate-limits.redis-prefix", "janua-test:" + UUID.randomUUID() + ":");
        props.put("janua.rate-limits.exempt-ips", "127.0.0.1");
        props.put("janua.rate-limits.webhook-delivery.capacity", "1000000");
        props.put("janua.trust-proxy", "true");
        props.put("janua.base-url", "http://janua.test"); // one issuer for the cluster: tokens from one node work on the other
        props.put("janua.webhooks.allow-private-targets", "true");
        props.put("janua.webhooks.poll-interval", "200ms");
        int portA = JanuaProcess.freePort();
        int portB = JanuaProcess.freePort();
        try (WebhookReceiver receiver = new WebhookReceiver();
             JanuaProcess a = JanuaProcess.start(portA, props, dir.resolve("a.log"));
             JanuaProcess b = JanuaProcess.start(portB, props, dir.resolve("b.log"))) {
            a.awaitReady(JanuaProcess.START_TIMEOUT);
            b.awaitReady(JanuaProcess.START_TIMEOUT);
            Api[] nodes = {new Api(portA), new Api(portB)};
            assertThat(nodes[1].get("/api/v1/health/detailed").text("/checks/redis/status")).isEqualTo("healthy");

            // 1. one client address, alternating between the processes: ten attempts, then 429 on both
            String ip = "203.0.113." + (1 + (int) (Math.random() * 250));
            for (int i = 0; i < 10; i++) {
                Api.Response r = nodes[i % 2].post("/api/v1/auth/signin", Api.map("email", uniqueEmail("mp-guess"), "password", "nope"),
                        "X-Forwarded-For", ip);
                assertThat(r.status()).as("attempt %d on node %d", i + 1, i % 2).isEqualTo(401);
            }
            for (Api node : nodes) {
                Api.Response refused = node.post("/api/v1/auth/signin", Api.map("email", uniqueEmail("mp-guess"), "password", "nope"),
                        "X-Forwarded-For", ip);
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.header("Retry-After")).isNotNull();
            }

            // 2. webhooks: changes through both processes, each event delivered once
            Api.Response adminUp = nodes[0].post("/api/v1/auth/signup", Api.map("email", uniqueEmail("mp-admin"), "password", PASSWORD));
            jdbc.sql("UPDATE users SET is_admin = TRUE WHERE id = :id").param("id", adminUp.text("/user/id")).update();
            String admin = adminUp.text("/tokens/accessToken");
            Api.Response hook = nodes[1].post("/api/v1/webhooks", Api.map("url", receiver.url("/multi"), "events", List.of("user.updated")),
                    "Authorization", Api.bearer(admin));
            assertThat(hook.status()).isEqualTo(201);
            try {
                Api.Response user = nodes[0].post("/api/v1/auth/signup", Api.map("email", uniqueEmail("mp-user"), "password", PASSWORD));
                String userId = user.text("/user/id");
                String token = user.text("/tokens/accessToken");
                try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                    List<Future<?>> done = new ArrayList<>();
                    for (int n = 0; n < 2; n++) {
                        Api node = nodes[n];
                        int offset = n;
                        done.add(pool.submit(() -> {
                            for (int i = offset; i < CHANGES; i += 2) {
                                assertThat(node.patch("/api/v1/users/me", Api.map("bio", "multi " + i), "Authorization", Api.bearer(token))
                                        .status()).isEqualTo(200);
                            }
                        }));
                    }
                    for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
                }
                Set<String> expected = new HashSet<>(jdbc.sql("SELECT id FROM domain_events WHERE type = 'user.updated' AND subject_id = :u")
                        .param("u", userId).query(String.class).list());
                assertThat(expected).hasSize(CHANGES);
                List<WebhookReceiver.Received> got = receiver.await(r -> true, CHANGES, Duration.ofSeconds(60));
                JanuaProcess.sleep(1500); // would-be duplicates get a moment to show up
                got = receiver.all();
                Map<String, Integer> receipts = new HashMap<>();
                for (WebhookReceiver.Received r : got) receipts.merge(JSON.readTree(r.body()).path("id").asString(), 1, Integer::sum);
                assertThat(receipts.keySet()).isEqualTo(expected);
                assertThat(receipts.values()).as("each webhook delivered once").allSatisfy(n -> assertThat(n).isEqualTo(1));
            } finally {
                nodes[0].delete("/api/v1/webhooks/" + hook.text("/id"), null, "Authorization", Api.bearer(admin));
            }
        }
    }
}
