package dev.janua.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * SIGKILL in the middle of 1,000 webhook-triggering changes: after a restart every committed event
 * reaches a real HTTP receiver; an event that arrives twice carries the same webhook-id both times.
 * The server under test is a separate OS process. On PostgreSQL it shares the suite's database
 * (this JVM's server then takes part in delivering, as a third process); on H2 it gets its own file
 * database (H2 files are single-process), opened in AUTO_SERVER mode so the test can read it.
 */
class WebhookCrashIntegrationTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CHANGES = 1000;
    private static final int KILL_AFTER = 400;

    @Test
    void sigkillMidwayLosesNoEventAndRepeatsOnlyWithTheSameWebhookId() throws Exception {
        Path dataDir = Files.createTempDirectory("janua-crash-");
        String dbUrl = TestDatabase.isPostgres() ? TestDatabase.jdbcUrl()
                : "jdbc:h2:file:" + dataDir.resolve("janua") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                        + ";AUTO_SERVER=TRUE";
        String adminEmail = uniqueEmail("crash-admin");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("janua.database-url", dbUrl);
        if (!TestDatabase.isPostgres()) props.put("spring.datasource.username", "sa");
        props.put("janua.data-dir", dataDir.toString());
        // the same master key as this JVM's server, which (on PostgreSQL) opens the same webhook secrets
        props.put("janua.master-key", Files.readString(TestDatabase.dataDir().resolve("master.key")).trim());
        props.put("janua.admin-email", adminEmail);
        props.put("janua.admin-password", PASSWORD);
        props.put("janua.webhooks.allow-private-targets", "true");
        props.put("janua.webhooks.lease", "5s");
        props.put("janua.webhooks.poll-interval", "200ms");
        props.put("janua.rate-limits.exempt-ips", "127.0.0.1");
        props.put("janua.rate-limits.webhook-delivery.capacity", "1000000");
        int port = JanuaProcess.freePort();
        Path log = dataDir.resolve("janua.log");

        try (WebhookReceiver receiver = new WebhookReceiver();
             JanuaProcess janua = JanuaProcess.start(port, props, log).awaitReady(JanuaProcess.START_TIMEOUT)) {
            Api child = new Api(port);
            String admin = child.post("/api/v1/auth/signin", Api.map("email", adminEmail, "password", PASSWORD)).text("/tokens/accessToken");
            Api.Response hook = child.post("/api/v1/webhooks", Api.map("url", receiver.url("/crash"), "events", List.of("user.updated")),
                    "Authorization", Api.bearer(admin));
            assertThat(hook.status()).isEqualTo(201);
            Api.Response user = child.post("/api/v1/auth/signup", Api.map("email", uniqueEmail("crash-user"), "password", PASSWORD));
            String userId = user.text("/user/id");
            String token = user.text("/tokens/accessToken");
            try {
                AtomicInteger acknowledged = new AtomicInteger();
                drive(child, token, acknowledged, KILL_AFTER, janua::kill);
                assertThat(acknowledged.get()).isGreaterThanOrEqualTo(KILL_AFTER);
                janua.restart().awaitReady(JanuaProcess.START_TIMEOUT);
                drive(child, token, acknowledged, CHANGES, () -> { });
                assertThat(acknowledged.get()).isEqualTo(CHANGES);

                List<String> committed = committedEvents(dbUrl, userId);
                // every acknowledged change committed; a change cut off by the kill may have committed too
                assertThat(committed.size()).isBetween(CHANGES, CHANGES + 4);
                Set<String> expected = new HashSet<>(committed);
                List<WebhookReceiver.Received> got = awaitAll(receiver, expected, Duration.ofSeconds(60));

                Map<String, Set<String>> webhookIdsByEvent = new HashMap<>();
                Map<String, Set<String>> eventsByWebhookId = new HashMap<>();
                for (WebhookReceiver.Received r : got) {
                    String eventId = JSON.readTree(r.body()).path("id").asString();
                    webhookIdsByEvent.computeIfAbsent(eventId, k -> new HashSet<>()).add(r.header("webhook-id"));
                    eventsByWebhookId.computeIfAbsent(r.header("webhook-id"), k -> new HashSet<>()).add(eventId);
                }
                assertThat(webhookIdsByEvent.keySet()).as("every committed event delivered, nothing else").isEqualTo(expected);
                assertThat(webhookIdsByEvent.values()).as("repeats carry the same webhook-id").allSatisfy(ids -> assertThat(ids).hasSize(1));
                assertThat(eventsByWebhookId.values()).allSatisfy(events -> assertThat(events).hasSize(1));
                System.out.printf("crash test: %d events, %d receipts (%d repeated after the kill)%n", expected.size(), got.size(),
                        got.size() - expected.size());
            } finally {
                child.delete("/api/v1/webhooks/" + hook.text("/id"), null, "Authorization", Api.bearer(admin));
            }
        }
    }

    /** Changes the profile from 4 threads until {@code target} changes were acknowledged, then runs {@code then}. */
    private static void drive(Api api, String token, AtomicInteger acknowledged, int target, Runnable then) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger issued = new AtomicInteger(acknowledged.get());
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                workers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        int n = issued.incrementAndGet();
                        if (n > target) return;
                        try {
                            Api.Response r = api.patch("/api/v1/users/me", Api.map("bio", "change " + n), "Authorization", Api.bearer(token));
                            if (r.status() == 200 && acknowledged.incrementAndGet() >= target) stop.set(true);
                            else if (r.status() != 200) issued.decrementAndGet();
                        } catch (IllegalStateException connectionLost) {
                            return; // the server was killed under us
                        }
                    }
                }));
            }
            while (acknowledged.get() < target && workers.stream().anyMatch(f -> !f.isDone())) Thread.sleep(5);
            then.run();
            stop.set(true);
            for (Future<?> f : workers) f.get(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> committedEvents(String url, String userId) throws Exception {
        try (Connection c = TestDatabase.isPostgres() ? DriverManager.getConnection(url) : DriverManager.getConnection(url, "sa", "");
             PreparedStatement ps = c.prepareStatement("SELECT id FROM domain_events WHERE type = 'user.updated' AND subject_id = ?")) {
            ps.setString(1, userId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    private static List<WebhookReceiver.Received> awaitAll(WebhookReceiver receiver, Set<String> eventIds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<WebhookReceiver.Received> all = receiver.all();
            Set<String> seen = new HashSet<>();
            for (WebhookReceiver.Received r : all) seen.add(JSON.readTree(r.body()).path("id").asString());
            if (seen.containsAll(eventIds) || System.nanoTime() > deadline) return all;
            JanuaProcess.sleep(200);
        }
    }
}
