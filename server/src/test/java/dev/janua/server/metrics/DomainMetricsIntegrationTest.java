package dev.janua.server.metrics;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.audit.app.AuditAppender;
import dev.janua.server.metrics.app.StateGauges;
import dev.janua.server.mfa.domain.Base32;
import dev.janua.server.mfa.domain.Totp;
import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import dev.janua.server.webhooks.WebhookReceiver;
import java.net.URLEncoder;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A scripted flow (sign-ups, sign-ins that pass and fail, a lockout, refresh and reuse, MFA, a
 * rate-limited request, SCIM, a client-credentials token, a webhook delivery, an email) and then {@code /metrics}: every
 * {@code janua_*} counter moved by exactly what the flow did (or, for background work other tests
 * may also cause, by at least that), and the periodic gauges see rows put in place for them.
 */
class DomainMetricsIntegrationTest extends TenantFixtures {
    /** janua.sessions.refresh-reuse-grace, default. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    @Autowired
    StateGauges gauges;
    @Autowired
    AuditAppender audit;

    /** Expected increments of the counters checked exactly: "name|label=value|…" → n. */
    private final Map<String, Integer> expected = new LinkedHashMap<>();

    @Test
    void theDomainCountersMoveByWhatAScriptedFlowDid() throws Exception {
        Account admin = platformAdmin();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Api.Response hook = api.post("/api/v1/webhooks", Api.map("url", receiver.url("/metrics-test"), "events", List.of("user.created")),
                    admin.auth());
            assertThat(hook.status()).as(hook.raw().body()).isEqualTo(201);
            PrometheusScrape before = scrape();

            // sign-up: an account, a session (sign-in by password), an access and a refresh token
            String email = uniqueEmail("metrics");
            Api.Response up = signUp(email);
            expect("janua_signups_total", "method", "password", "result", "success");
            expectSignIn("password", "success");
            // the same email again: refused
            assertThat(api.post("/api/v1/auth/signup", Api.map("email", email, "password", PASSWORD)).status()).isEqualTo(409);
            expect("janua_signups_total", "method", "password", "result", "email_already_exists");

            // sign-in ok, wrong password, unknown email until the address is locked
            assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).status()).isEqualTo(200);
            expectSignIn("password", "success");
            assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", "wrong " + PASSWORD)).errorCode())
                    .isEqualTo("INVALID_CREDENTIALS");
            expect("janua_signins_total", "method", "password", "result", "invalid_password");
            String nobody = uniqueEmail("nobody");
            for (int i = 0; i < 20; i++) {
                String code = api.post("/api/v1/auth/signin", Api.map("email", nobody, "password", "guess " + i)).errorCode();
                expect("janua_signins_total", "method", "password", "result", "unknown_email");
                if (code.equals("ACCOUNT_LOCKED")) break;
                assertThat(code).isEqualTo("INVALID_CREDENTIALS");
            }
            expect("janua_lockouts_total", "subject", "unknown_email");

            // refresh, then the spent token again after the grace window: reuse
            String first = refreshToken(up);
            assertThat(api.post("/api/v1/auth/refresh", Api.map("refreshToken", first)).status()).isEqualTo(200);
            expectTokens(1);
            clock.advance(GRACE.plusSeconds(1));
            assertThat(api.post("/api/v1/auth/refresh", Api.map("refreshToken", first)).errorCode()).isEqualTo("REFRESH_TOKEN_REUSED");
            expect("janua_refresh_reuse_total", "flow", "session");

            // MFA: enrolment (not a challenge), then a sign-in with a wrong and a right code
            String mfaEmail = uniqueEmail("metrics-mfa");
            Api.Response mfaUp = signUp(mfaEmail);
            expect("janua_signups_total", "method", "password", "result", "success");
            expectSignIn("password", "success");
            String access = Api.bearer(accessToken(mfaUp));
            String secret = api.post("/api/v1/mfa/setup", Api.map("type", "totp"), "Authorization", access).text("/secret");
            assertThat(api.post("/api/v1/mfa/verify", Api.map("code", totp(secret)), "Authorization", access).status()).isEqualTo(200);
            Api.Response challenge = api.post("/api/v1/auth/signin", Api.map("email", mfaEmail, "password", PASSWORD));
            assertThat(challenge.json().path("requiresMfa").asBoolean()).isTrue();
            clock.advance(Duration.ofSeconds(30));
            String right = totp(secret);
            String wrong = right.equals("000000") ? "111111" : "000000";
            assertThat(api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", challenge.text("/mfaToken"), "code", wrong, "method", "totp"))
                    .errorCode()).isEqualTo("INVALID_MFA_CODE");
            expect("janua_mfa_challenges_total", "method", "totp", "result", "failure");
            Api.Response done = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", challenge.text("/mfaToken"), "code", right, "method", "totp"));
            assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
            expect("janua_mfa_challenges_total", "method", "totp", "result", "success");
            expectSignIn("password", "success");

            // the auth bucket (10 a minute per address) of an address of our own: the refusals are counted
            String ip = "10." + ThreadLocalRandom.current().nextInt(1, 255) + "." + ThreadLocalRandom.current().nextInt(256) + "."
                    + ThreadLocalRandom.current().nextInt(1, 255);
            int refused = 0;
            for (int i = 0; i < 13; i++) {
                if (api.post("/api/v1/auth/signin", Map.of(), "X-Forwarded-For", ip).status() == 429) refused++;
            }
            assertThat(refused).isGreaterThanOrEqualTo(3);
            expected.merge(key("janua_rate_limited_total", "bucket", "auth"), refused, Integer::sum);

            // SCIM: an organization's directory provisions a user (an account created by SCIM)
            Account owner = newUser("metrics-scim-owner");
            expect("janua_signups_total", "method", "password", "result", "success");
            expectSignIn("password", "success");
            String org = createOrg(owner);
            String scimToken = api.post("/api/v1/organizations/" + org + "/scim/tokens", Api.map("name", "Okta"), owner.auth()).text("/token");
            String userName = "scim-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            Api.Response provisioned = api.post("/api/v1/scim/v2/Users", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                    "userName", userName, "emails", List.of(Map.of("value", userName, "primary", true)), "active", true),
                    "Authorization", Api.bearer(scimToken), "Content-Type", "application/scim+json");
            assertThat(provisioned.status()).as(provisioned.raw().body()).isEqualTo(201);
            expect("janua_scim_operations_total", "operation", "user.provisioned");
            expect("janua_signups_total", "method", "scim", "result", "success");

            // the OpenID Provider's token endpoint: a machine application's client-credentials access token
            Api.Response app = api.post("/api/v1/applications", Api.map("name", "Metrics machine", "type", "machine",
                    "scopes", List.of("reports.read")), admin.auth());
            assertThat(app.status()).as(app.raw().body()).isEqualTo(201);
            String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(app.text("/clientId"), UTF_8) + ":"
                    + URLEncoder.encode(app.text("/clientSecret"), UTF_8)).getBytes(UTF_8));
            Api.Response token = api.post("/oauth2/token", "grant_type=client_credentials&scope=reports.read",
                    "Authorization", "Basic " + basic, "Content-Type", "application/x-www-form-urlencoded");
            assertThat(token.status()).as(token.raw().body()).isEqualTo(200);
            expect("janua_tokens_issued_total", "type", "access", "grant", "client_credentials");

            // every sign-up above raised user.created: our endpoint got each, and an email went out for each password sign-up
            receiver.await(r -> r.body().contains(email), 1, Duration.ofSeconds(60));
            int delivered = receiver.await(r -> r.body().contains(userName), 1, Duration.ofSeconds(60)).size();
            audit.catchUp();

            PrometheusScrape after = awaitScrape(s -> s.value("janua_notifications_total", "channel", "email", "result", "sent")
                    - before.value("janua_notifications_total", "channel", "email", "result", "sent") >= 3
                    && s.value("janua_webhook_deliveries_total", "result", "success")
                    - before.value("janua_webhook_deliveries_total", "result", "success") >= delivered);
            for (Map.Entry<String, Integer> e : expected.entrySet()) {
                String[] parts = e.getKey().split("\\|");
                String[] labels = labels(parts);
                assertThat(after.value(parts[0], labels) - before.value(parts[0], labels)).as(e.getKey()).isEqualTo(e.getValue().doubleValue());
            }
            // background work other tests also cause: at least what this flow did
            assertThat(moved(before, after, "janua_webhook_delivery_latency_seconds_count")).isGreaterThanOrEqualTo(delivered);
            assertThat(moved(before, after, "janua_webhook_attempt_duration_seconds_count")).isGreaterThanOrEqualTo(delivered);
            assertThat(moved(before, after, "janua_notification_delivery_latency_seconds_count", "channel", "email")).isGreaterThanOrEqualTo(3);
            assertThat(moved(before, after, "janua_audit_appends_total")).isGreaterThanOrEqualTo(10);
            // labels carry no identities
            assertThat(after.series().stream().filter(s -> s.name().startsWith("janua_")).flatMap(s -> s.labels().values().stream()))
                    .noneMatch(v -> v.contains("@") || v.startsWith("usr_") || v.startsWith("org_") || v.equals(ip));
            api.delete("/api/v1/webhooks/" + hook.text("/id"), null, admin.auth());
        }
    }

    @Test
    void theStateGaugesShowSessionsAndTheAgeOfWhatWaitsInTheOutboxes() {
        gauges.refresh();
        PrometheusScrape before = scrape();
        assertThat(before.value("janua_dependency_up", "dependency", "database")).isEqualTo(1);
        signUp(uniqueEmail("gauge"));
        gauges.refresh();
        assertThat(scrape().value("janua_sessions_active") - before.value("janua_sessions_active")).isEqualTo(1);

        // a webhook delivery and an SMS queued an hour ago and not due for a day: neither dispatcher takes them
        Account admin = platformAdmin();
        String endpoint = api.post("/api/v1/webhooks", Api.map("url", "http://127.0.0.1:9/never", "events", List.of("user.deleted")),
                admin.auth()).text("/id");
        Instant now = clock.instant();
        String delivery = "whd_metrics_" + UUID.randomUUID().toString().substring(0, 8);
        String sms = "ntf_metrics_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at, created_at, updated_at)
                VALUES (:id, :ep, 'evt_metrics', 'user.deleted', '{}', 'pending', 1, :next, :at, :at)""")
                .param("id", delivery).param("ep", endpoint).param("next", Sql.ts(now.plus(Duration.ofDays(1))))
                .param("at", Sql.ts(now.minus(Duration.ofHours(1)))).update();
        jdbc.sql("""
                INSERT INTO notification_outbox (id, channel, template, recipient, status, attempts, next_attempt_at, created_at, updated_at)
                VALUES (:id, 'sms', 'metrics-test', '+15550000000', 'pending', 1, :next, :at, :at)""")
                .param("id", sms).param("next", Sql.ts(now.plus(Duration.ofDays(1)))).param("at", Sql.ts(now.minus(Duration.ofHours(1)))).update();
        try {
            gauges.refresh();
            PrometheusScrape after = scrape();
            assertThat(after.value("janua_webhook_queue_depth")).isGreaterThanOrEqualTo(1);
            assertThat(after.value("janua_webhook_queue_oldest_age_seconds")).isGreaterThanOrEqualTo(3600);
            assertThat(after.value("janua_notification_queue_depth", "channel", "sms")).isGreaterThanOrEqualTo(1);
            assertThat(after.value("janua_notification_queue_oldest_age_seconds", "channel", "sms")).isGreaterThanOrEqualTo(3600);
        } finally {
            jdbc.sql("DELETE FROM notification_outbox WHERE id = :id").param("id", sms).update();
            api.delete("/api/v1/webhooks/" + endpoint, null, admin.auth());
        }
        gauges.refresh();
        assertThat(scrape().value("janua_webhook_queue_oldest_age_seconds")).isLessThan(3600);
    }

    /** The dashboard and the alert rules are in sync with the server: every metric they read is on /metrics. */
    @Test
    void everyMetricTheDashboardAndTheAlertRulesReadIsExposed() throws Exception {
        signUp(uniqueEmail("deploy-files")); // HTTP timings of a few routes
        Set<String> exposed = scrape().names();
        for (String expr : DeployFileMetrics.dashboardExpressions()) {
            Set<String> names = DeployFileMetrics.metricNames(expr);
            assertThat(names).as(expr).isNotEmpty();
            names.removeAll(DeployFileMetrics.FROM_PROMETHEUS);
            assertThat(exposed).as("dashboard: " + expr).containsAll(names);
        }
        for (String expr : DeployFileMetrics.alertExpressions()) {
            Set<String> names = DeployFileMetrics.metricNames(expr);
            assertThat(names).as(expr).isNotEmpty();
            names.removeAll(DeployFileMetrics.FROM_PROMETHEUS);
            assertThat(exposed).as("alert rule: " + expr).containsAll(names);
        }
        // the extraction itself finds names and skips functions, labels, ranges and groupings
        assertThat(DeployFileMetrics.metricNames("sum by (le) (rate(a_b_bucket{job=\"$job\", x=~\"5..\"}[$__rate_interval])) / clamp_min(c_total, 1e-9) > 0.5"))
                .containsExactlyInAnyOrder("a_b_bucket", "c_total");
    }

    private void expectSignIn(String method, String result) {
        expect("janua_signins_total", "method", method, "result", result);
        expectTokens(1);
    }

    /** A sign-in or refresh: one access token and one refresh token of Janua's own API. */
    private void expectTokens(int n) {
        expected.merge(key("janua_tokens_issued_total", "type", "access", "grant", "session"), n, Integer::sum);
        expected.merge(key("janua_tokens_issued_total", "type", "refresh", "grant", "session"), n, Integer::sum);
    }

    private void expect(String name, String... labels) {
        expected.merge(key(name, labels), 1, Integer::sum);
    }

    private static String key(String name, String... labels) {
        StringBuilder b = new StringBuilder(name);
        for (int i = 0; i < labels.length; i += 2) b.append('|').append(labels[i]).append('=').append(labels[i + 1]);
        return b.toString();
    }

    private static String[] labels(String[] parts) {
        String[] out = new String[(parts.length - 1) * 2];
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            out[(i - 1) * 2] = parts[i].substring(0, eq);
            out[(i - 1) * 2 + 1] = parts[i].substring(eq + 1);
        }
        return out;
    }

    private static double moved(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private String totp(String secret) {
        return Totp.DEFAULT.totp(Base32.decode(secret), clock.instant());
    }

    PrometheusScrape scrape() {
        Api.Response r = api.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        return PrometheusScrape.parse(r.raw().body());
    }

    /** Background deliveries finish after the requests that caused them: scrape until {@code done} or a minute passed. */
    private PrometheusScrape awaitScrape(java.util.function.Predicate<PrometheusScrape> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        PrometheusScrape s = scrape();
        while (!done.test(s) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            s = scrape();
        }
        return s;
    }
}
