package dev.janua.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.support.TestDatabase;
import dev.janua.server.support.TestMail;
import dev.janua.server.webhooks.JanuaProcess;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A Janua process (a separate OS process) queues emails while its SMTP server is down, is killed
 * with SIGKILL, and is started again once the SMTP server is up: every queued message arrives,
 * once. The process has a database of its own (an H2 file, or a scratch PostgreSQL database on the
 * PostgreSQL pass), so this JVM's server does not send its messages for it.
 */
class NotificationCrashIntegrationTest extends IntegrationTest {
    private static final String ID_HEADER = "X-Janua-Notification-Id";

    @Test
    void messagesQueuedBeforeASigkillAreDeliveredOnceAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("janua-outbox-crash-");
        String dbUrl = TestDatabase.isPostgres() ? TestDatabase.scratchDatabaseUrl()
                : "jdbc:h2:file:" + dataDir.resolve("janua") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                        + ";AUTO_SERVER=TRUE";
        int smtpPort = JanuaProcess.freePort(); // nothing listens there until the outage ends
        Map<String, String> props = new LinkedHashMap<>();
        props.put("janua.database-url", dbUrl);
        if (!TestDatabase.isPostgres()) props.put("spring.datasource.username", "sa");
        props.put("janua.data-dir", dataDir.toString());
        props.put("janua.smtp-url", "smtp://127.0.0.1:" + smtpPort);
        props.put("janua.notifications.retry-initial", "300ms");
        props.put("janua.notifications.retry-max", "1s");
        props.put("janua.notifications.max-attempts", "1000");
        props.put("janua.notifications.poll-interval", "200ms");
        props.put("janua.notifications.lease", "5s");
        props.put("janua.rate-limits.exempt-ips", "127.0.0.1");
        int port = JanuaProcess.freePort();
        GreenMail smtp = null;
        try (JanuaProcess janua = JanuaProcess.start(port, props, dataDir.resolve("janua.log")).awaitReady(JanuaProcess.START_TIMEOUT)) {
            Api child = new Api(port);
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String email = uniqueEmail("crash-mail");
                assertThat(child.post("/api/v1/auth/signup", Api.map("email", email, "password", PASSWORD)).status()).isEqualTo(201);
                emails.add(email);
            }
            for (String email : emails.subList(0, 2)) {
                assertThat(child.post("/api/v1/auth/password/forgot", Api.map("email", email)).status()).isEqualTo(202);
            }
            await(dbUrl, emails, rows -> rows.size() == 5 && rows.stream().allMatch(r -> r.attempts() >= 2), "each message refused twice");
            assertThat(rows(dbUrl, emails)).allSatisfy(r -> {
                assertThat(r.status()).isIn("pending", "sending");
                assertThat(r.body()).startsWith("v1.").doesNotContain("evt_").doesNotContain("prt_");
            });

            janua.kill();
            smtp = TestMail.startOn(smtpPort);
            janua.restart().awaitReady(JanuaProcess.START_TIMEOUT);

            await(dbUrl, emails, rows -> rows.stream().allMatch(r -> r.status().equals("sent")), "every message sent");
            List<Row> sent = rows(dbUrl, emails);
            assertThat(sent).hasSize(5).allSatisfy(r -> assertThat(r.body()).as("body wiped").isNull());
            Thread.sleep(1000); // a repeat, if any, gets a moment to show up
            Map<String, Integer> receipts = new HashMap<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                String[] ids = m.getHeader(ID_HEADER);
                if (ids != null) for (String id : ids) receipts.merge(id, 1, Integer::sum);
            }
            assertThat(receipts.keySet()).containsExactlyInAnyOrderElementsOf(sent.stream().map(Row::id).toList());
            assertThat(receipts.values()).as("each delivered once").allSatisfy(n -> assertThat(n).isEqualTo(1));
        } finally {
            if (smtp != null) smtp.stop();
        }
    }

    private record Row(String id, String status, int attempts, String body) {}

    private static List<Row> rows(String url, List<String> recipients) throws Exception {
        try (Connection c = TestDatabase.isPostgres() ? DriverManager.getConnection(url) : DriverManager.getConnection(url, "sa", "");
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, status, attempts, body_sealed FROM notification_outbox WHERE recipient IN (?, ?, ?) ORDER BY id")) {
            for (int i = 0; i < 3; i++) ps.setString(i + 1, recipients.get(i));
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
            }
            return out;
        }
    }

    private static void await(String url, List<String> recipients, Predicate<List<Row>> condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.test(rows(url, recipients))) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what + ": " + rows(url, recipients));
            Thread.sleep(100);
        }
    }
}
