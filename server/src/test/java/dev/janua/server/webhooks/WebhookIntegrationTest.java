package dev.janua.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.support.TestMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhooks end to end: a real HTTP receiver on loopback gets signed events for real actions. */
class WebhookIntegrationTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final List<String> created = new ArrayList<>();
    private WebhookReceiver receiver;
    private String admin;
    private String adminEmail;

    @BeforeEach
    void setUp() {
        receiver = new WebhookReceiver();
        adminEmail = uniqueEmail("wh-admin");
        Api.Response r = signUp(adminEmail);
        jdbc.sql("UPDATE users SET is_admin = TRUE WHERE id = :id").param("id", r.text("/user/id")).update();
        admin = accessToken(r);
    }

    @AfterEach
    void tearDown() {
        for (String id : created) api.delete("/api/v1/webhooks/" + id, null, "Authorization", Api.bearer(admin));
        receiver.close();
    }

    private Api.Response create(Object body) {
        Api.Response r = api.post("/api/v1/webhooks", body, "Authorization", Api.bearer(admin));
        if (r.status() == 201) created.add(r.text("/id"));
        return r;
    }

    private static JsonNode json(WebhookReceiver.Received r) {
        return JSON.readTree(r.body());
    }

    private static boolean about(WebhookReceiver.Received r, String type, String userId) {
        JsonNode b = json(r);
        return b.path("type").asString().equals(type) && b.toString().contains(userId);
    }

    @Test
    void customersReceiveSignedEventsForRealActionsAndCanVerifyThemBothWays() {
        Api.Response hook = create(Api.map("url", receiver.url("/janua"), "events", List.of("user.created", "auth.login"),
                "description", "Production webhook"));
        assertThat(hook.status()).isEqualTo(201);
        assertThat(hook.text("/id")).startsWith("wh_");
        assertThat(hook.json().path("events")).extracting(JsonNode::asString).containsExactly("user.created", "user.signin");
        String secret = hook.text("/secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get("/api/v1/webhooks/" + hook.text("/id"), "Authorization", Api.bearer(admin)).json().has("secret")).isFalse();

        Api.Response user = signUp(uniqueEmail("wh-user"));
        String userId = user.text("/user/id");
        List<WebhookReceiver.Received> got = receiver.await(r -> about(r, "user.created", userId), 1, WAIT);
        assertThat(got).hasSize(1);
        WebhookReceiver.Received r = got.getFirst();
        JsonNode body = json(r);
        assertThat(body.path("id").asString()).startsWith("evt_");
        assertThat(body.path("data").path("user").path("id").asString()).isEqualTo(userId);
        assertThat(body.has("organizationId")).isTrue();
        assertThat(body.path("apiVersion").asString()).isEqualTo("2025-01-15");
        assertThat(Instant.parse(body.path("timestamp").asString())).isNotNull();
        assertThat(r.header("webhook-id")).startsWith("msg_");
        assertThat(StandardWebhooksVerifier.verifyStandard(secret, r.header("webhook-id"), r.header("webhook-timestamp"), r.body(),
                r.header("webhook-signature"))).isTrue();
        assertThat(StandardWebhooksVerifier.verifySeed(secret, r.header("X-Janua-Timestamp"), r.body(), r.header("X-Janua-Signature"))).isTrue();
        assertThat(StandardWebhooksVerifier.verifySeed(secret, r.header("X-Janua-Timestamp"), r.body().replace(userId, "usr_forged"),
                r.header("X-Janua-Signature"))).isFalse();
        assertThat(StandardWebhooksVerifier.verifyStandard(WebhookSecretsForTest.other(), r.header("webhook-id"),
                r.header("webhook-timestamp"), r.body(), r.header("webhook-signature"))).isFalse();

        // subscribed by its seed alias auth.login, delivered with the canonical type
        api.post("/api/v1/auth/signin", Api.map("email", user.text("/user/email"), "password", PASSWORD));
        assertThat(receiver.await(x -> about(x, "user.signin", userId), 2, WAIT)).hasSizeGreaterThanOrEqualTo(2);
        // not subscribed: session.created never arrives
        assertThat(receiver.all()).noneMatch(x -> json(x).path("type").asString().equals("session.created"));

        Api.Response log = api.get("/api/v1/webhooks/" + hook.text("/id") + "/deliveries?status=succeeded&limit=100",
                "Authorization", Api.bearer(admin));
        assertThat(log.json().path("data")).anySatisfy(d -> {
            assertThat(d.path("id").asString()).isEqualTo(r.header("webhook-id"));
            assertThat(d.path("success").asBoolean()).isTrue();
        });
        Api.Response one = api.get("/api/v1/webhooks/" + hook.text("/id") + "/deliveries/" + r.header("webhook-id"),
                "Authorization", Api.bearer(admin));
        assertThat(one.json().path("attemptLog")).hasSize(1);
        assertThat(one.json().at("/attemptLog/0/statusCode").asInt()).isEqualTo(200);
        assertThat(one.text("/payload")).isEqualTo(r.body());
    }

    @Test
    void onlyAdminsManageWebhooksAndBadInputIsRefused() {
        String user = accessToken(signUp(uniqueEmail("wh-plain")));
        assertThat(api.post("/api/v1/webhooks", Api.map("url", receiver.url("/x"), "events", List.of("*")),
                "Authorization", Api.bearer(user)).errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(api.get("/api/v1/webhooks", "Authorization", Api.bearer(user)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/webhooks").status()).isEqualTo(401);
        Api.Response unknown = create(Api.map("url", receiver.url("/x"), "events", List.of("user.teleported")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/error/details/unknown/0").asString()).isEqualTo("user.teleported");
        assertThat(create(Api.map("url", "http://user:pw@127.0.0.1/x", "events", List.of("*"))).json().at("/error/details/reason").asString())
                .isEqualTo("credentials_in_url");
        assertThat(create(Api.map("url", "ftp://127.0.0.1/x", "events", List.of("*"))).status()).isEqualTo(422);
        assertThat(create(Api.map("url", receiver.url("/x"), "events", List.of())).status()).isEqualTo(422);
        assertThat(create(Api.map("url", receiver.url("/x"), "events", List.of("*"), "secret", "short")).json()
                .at("/error/details/field").asString()).isEqualTo("secret");
        assertThat(api.get("/api/v1/webhooks/wh_missing", "Authorization", Api.bearer(admin)).errorCode()).isEqualTo("WEBHOOK_NOT_FOUND");
    }

    @Test
    void crudTestSendRotationAndSeedAliases() {
        Api.Response hook = create(Api.map("url", receiver.url("/a"), "events", List.of("user.*"), "secret", "given-secret-of-20-chars"));
        String id = hook.text("/id");
        assertThat(hook.text("/secret")).isEqualTo("given-secret-of-20-chars");
        Api.Response list = api.get("/v1/webhooks", "Authorization", Api.bearer(admin));
        assertThat(list.json().path("data")).anySatisfy(w -> assertThat(w.path("id").asString()).isEqualTo(id));

        Api.Response test = api.post("/api/v1/webhooks/" + id + "/test", null, "Authorization", Api.bearer(admin));
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.json().path("success").asBoolean()).isTrue();
        assertThat(test.text("/eventType")).isEqualTo("webhook.test");
        WebhookReceiver.Received t = receiver.await(r -> r.header("webhook-id").equals(test.text("/id")), 1, WAIT).getFirst();
        assertThat(StandardWebhooksVerifier.verifySeed("given-secret-of-20-chars", t.header("X-Janua-Timestamp"), t.body(),
                t.header("X-Janua-Signature"))).isTrue();

        Api.Response patched = api.patch("/api/v1/webhooks/" + id, Api.map("url", receiver.url("/b"), "events", List.of("user.created")),
                "Authorization", Api.bearer(admin));
        assertThat(patched.text("/url")).endsWith("/b");
        assertThat(patched.json().path("events")).extracting(JsonNode::asString).containsExactly("user.created");
        Api.Response put = api.put("/api/v1/webhooks/" + id, Api.map("url", receiver.url("/c"), "events", List.of("*"), "description", "all"),
                "Authorization", Api.bearer(admin));
        assertThat(put.text("/description")).isEqualTo("all");

        Api.Response rotated = api.post("/api/v1/webhooks/" + id + "/rotate-secret", null, "Authorization", Api.bearer(admin));
        String fresh = rotated.text("/secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo("given-secret-of-20-chars");
        assertThat(api.get("/api/v1/webhooks/" + id + "/secret", "Authorization", Api.bearer(admin)).text("/secret")).isEqualTo(fresh);
        String userId = signUp(uniqueEmail("wh-rot")).text("/user/id");
        WebhookReceiver.Received after = receiver.await(r -> about(r, "user.created", userId), 1, WAIT).getFirst();
        assertThat(after.header("webhook-signature").split(" ")).hasSize(2); // new and old secret during the overlap
        assertThat(StandardWebhooksVerifier.verifyStandard(fresh, after.header("webhook-id"), after.header("webhook-timestamp"),
                after.body(), after.header("webhook-signature"))).isTrue();
        assertThat(StandardWebhooksVerifier.verifySeed(fresh, after.header("X-Janua-Timestamp"), after.body(),
                after.header("X-Janua-Signature"))).isTrue();

        assertThat(api.delete("/api/v1/webhooks/" + id, null, "Authorization", Api.bearer(admin)).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/webhooks/" + id, "Authorization", Api.bearer(admin)).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE subject_id = :id AND type IN "
                + "('webhook.created', 'webhook.updated', 'webhook.secret_rotated', 'webhook.deleted')").param("id", id)
                .query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void failedAttemptsAreRetriedWithTheSameWebhookIdAndRetryAfterIsHonoured() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(r -> calls.incrementAndGet() == 1 ? WebhookReceiver.Answer.of(500) : WebhookReceiver.Answer.of(200));
        String id = create(Api.map("url", receiver.url("/flaky"), "events", List.of("user.created"))).text("/id");
        String userId = signUp(uniqueEmail("wh-retry")).text("/user/id");
        List<WebhookReceiver.Received> both = receiver.await(r -> about(r, "user.created", userId), 2, WAIT);
        assertThat(both).hasSize(2);
        assertThat(both.get(1).header("webhook-id")).isEqualTo(both.get(0).header("webhook-id"));
        assertThat((both.get(1).receivedAtNanos() - both.get(0).receivedAtNanos()) / 1e9).isGreaterThanOrEqualTo(4.0); // 5 s ± 10 %
        JsonNode d = awaitDelivery(id, both.get(0).header("webhook-id"), "succeeded");
        assertThat(d.path("attempts").asInt()).isEqualTo(2);
        assertThat(d.path("attemptLog")).extracting(a -> a.path("statusCode").asInt()).containsExactly(500, 200);

        receiver.answer(r -> new WebhookReceiver.Answer(503, Map.of("Retry-After", "120")));
        String later = signUp(uniqueEmail("wh-later")).text("/user/id");
        String msg = receiver.await(r -> about(r, "user.created", later), 1, WAIT).getFirst().header("webhook-id");
        JsonNode waiting = awaitDelivery(id, msg, "pending");
        Instant attempted = Instant.parse(waiting.at("/attemptLog/0/attemptedAt").asString());
        assertThat(Instant.parse(waiting.path("nextAttemptAt").asString())).isAfterOrEqualTo(attempted.plusSeconds(120));
        assertThat(waiting.path("lastStatusCode").asInt()).isEqualTo(503);
    }

    @Test
    void lastFailureDeadLettersAndNotifiesThenRedeliveryUsesTheSameId() {
        String[] first = firstDeliveryAnswered(500);
        String id = first[0];
        String msg = first[1];
        awaitDelivery(id, msg, "pending");
        // nine attempts made; the tenth (the last of the schedule) is due now
        jdbc.sql("UPDATE webhook_deliveries SET attempts = 9, next_attempt_at = CURRENT_TIMESTAMP WHERE id = :id").param("id", msg).update();
        JsonNode dead = awaitDelivery(id, msg, "failed");
        assertThat(dead.path("attempts").asInt()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = 'webhook.delivery_failed' AND data LIKE :m")
                .param("m", "%" + msg + "%").query(Long.class).single()).isEqualTo(1);
        assertThat(TestMail.awaitToken(adminEmail, "Webhook delivery failed", Pattern.compile("Delivery: (msg_\\w+)"))).isEqualTo(msg);

        receiver.answer(r -> WebhookReceiver.Answer.of(200));
        Api.Response again = api.post("/api/v1/webhooks/" + id + "/deliveries/" + msg + "/redeliver", null, "Authorization", Api.bearer(admin));
        assertThat(again.status()).isEqualTo(202);
        assertThat(awaitDelivery(id, msg, "succeeded").path("attempts").asInt()).isEqualTo(11);
        assertThat(receiver.await(r -> msg.equals(r.header("webhook-id")), 3, WAIT)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void goneDisablesTheEndpointUntilReEnabled() {
        String[] first = firstDeliveryAnswered(410);
        String id = first[0];
        awaitDelivery(id, first[1], "failed");
        Api.Response ep = api.get("/api/v1/webhooks/" + id, "Authorization", Api.bearer(admin));
        assertThat(ep.json().path("active").asBoolean()).isFalse();
        assertThat(ep.text("/disabledReason")).isEqualTo("gone");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = 'webhook.disabled' AND subject_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        Api.Response enabled = api.patch("/api/v1/webhooks/" + id, Api.map("active", true), "Authorization", Api.bearer(admin));
        assertThat(enabled.json().path("active").asBoolean()).isTrue();
        assertThat(enabled.json().has("disabledReason")).isFalse();
    }

    /** A new endpoint whose receiver answers {@code status}; returns its id and the webhook-id of a first user.created. */
    private String[] firstDeliveryAnswered(int status) {
        receiver.answer(r -> WebhookReceiver.Answer.of(status));
        String id = create(Api.map("url", receiver.url("/status-" + status), "events", List.of("user.created"))).text("/id");
        String userId = signUp(uniqueEmail("wh-" + status)).text("/user/id");
        return new String[] {id, receiver.await(r -> about(r, "user.created", userId), 1, WAIT).getFirst().header("webhook-id")};
    }

    private JsonNode awaitDelivery(String webhookId, String deliveryId, String status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode d = null;
        while (System.nanoTime() < deadline) {
            d = api.get("/api/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId, "Authorization", Api.bearer(admin)).json();
            JsonNode log = d.path("attemptLog");
            boolean lastRecorded = !log.isEmpty() && log.get(log.size() - 1).path("attempt").asInt() == d.path("attempts").asInt();
            if (status.equals(d.path("status").asString()) && lastRecorded) return d;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("delivery " + deliveryId + " never reached " + status + ": " + d);
    }

    /** A second, unrelated secret. */
    static final class WebhookSecretsForTest {
        static String other() {
            return dev.janua.server.webhooks.domain.WebhookSecrets.generate();
        }
    }
}
