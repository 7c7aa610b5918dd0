package dev.janua.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.support.TestDatabase;
import dev.janua.server.support.TestMail;
import dev.janua.server.webhooks.JanuaProcess;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Two Janua processes (this JVM's server and a child process) share one outbox on PostgreSQL.
 * Reset emails pile up during an SMTP outage, asked for on both; when SMTP comes back both workers
 * race for the same rows, and still every message arrives exactly once.
 */
class NotificationMultiProcessIntegrationTest extends IntegrationTest {
    private static final int USERS = 16;

    @Test
    void twoProcessesDrainingOneOutboxSendEachMessageOnce() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "needs a database two processes share: runs in the PostgreSQL pass");
        Path dir = Files.createTempDirectory("janua-outbox-multi-");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("janua.database-url", TestDatabase.jdbcUrl());
        props.put("janua.data-dir", dir.toString());
        // the same master key as this JVM's server: each process opens what the other sealed
        props.put("janua.master-key", Files.readString(TestDatabase.dataDir().resolve("master.key")).trim());
        props.put("janua.smtp-url", "smtp://127.0.0.1:" + TestMail.port());
        props.put("janua.notifications.retry-initial", "300ms");
        props.put("janua.notifications.retry-max", "1s");
        props.put("janua.notifications.poll-interval", "200ms");
        props.put("janua.rate-limits.exempt-ips", "127.0.0.1");
        int port = JanuaProcess.freePort();
        try (JanuaProcess other = JanuaProcess.start(port, props, dir.resolve("janua.log")).awaitReady(Duration.ofSeconds(120))) {
            Api[] nodes = {api, new Api(port)};
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                String email = uniqueEmail("multi-mail");
                assertThat(nodes[i % 2].post("/api/v1/auth/signup", Api.map("email", email, "password", PASSWORD)).status()).isEqualTo(201);
                emails.add(email);
            }
            await(() -> jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE status IN ('pending', 'sending')")
                    .query(Long.class).single() == 0);
            TestMail.down();
            try {
                // two reset emails per user, one asked on each process, all at once
                try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                    List<Future<Integer>> answers = new ArrayList<>();
                    for (String email : emails) {
                        for (Api node : nodes) {
                            answers.add(pool.submit(() -> node.post("/api/v1/auth/password/forgot", Api.map("email", email)).status()));
                        }
                    }
                    for (Future<Integer> a : answers) assertThat(a.get(60, TimeUnit.SECONDS)).isEqualTo(202);
                }
                await(() -> count(emails, "attempts >= 1") == 2L * USERS);
            } finally {
                TestMail.up();
            }
            await(() -> count(emails, "status = 'sent'") == 2L * USERS);
            Thread.sleep(1500); // a repeat, if any, gets a moment to show up
            List<String> ids = jdbc.sql("SELECT id FROM notification_outbox WHERE template = 'password_reset' AND recipient IN (:r)")
                    .param("r", emails).query(String.class).list();
            Map<String, Integer> receipts = new HashMap<>();
            for (MimeMessage m : TestMail.server().getReceivedMessages()) {
                String[] h = m.getHeader("X-Janua-Notification-Id");
                if (h != null) for (String id : h) if (ids.contains(id)) receipts.merge(id, 1, Integer::sum);
            }
            assertThat(receipts.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(receipts.values()).as("each message sent once").allSatisfy(n -> assertThat(n).isEqualTo(1));
        }
    }

    private long count(List<String> emails, String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE template = 'password_reset' AND recipient IN (:r) AND " + condition)
                .param("r", emails).query(Long.class).single();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(50);
        }
    }
}
