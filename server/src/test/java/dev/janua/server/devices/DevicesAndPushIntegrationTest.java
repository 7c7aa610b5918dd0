package dev.janua.server.devices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 000's devices and push over real HTTP: a device registered with the seed's body, and a
 * push reaching each provider's stub (FCM, APNs over HTTP/2 + TLS, Web Push decrypted here, the
 * development recorder) through the outbox; a "token no longer valid" answer removing the token;
 * and who may push to whom.
 */
class DevicesAndPushIntegrationTest extends TenantFixtures {
    private static final String FCM_SEND = "/v1/projects/janua-test/messages:send";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Stubs stubs;

    /** The three stub services, started once before the server (its settings point at them). */
    record Stubs(WireMockServer google, WireMockServer apple, WireMockServer pushService, PushStubs.ApnsKey apnsKey, Path dir) {
        static synchronized Stubs get() {
            if (stubs == null) {
                try {
                    Path dir = Files.createTempDirectory("janua-push-stubs");
                    WireMockServer google = PushStubs.http();
                    google.stubFor(post("/token").willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\":\"ya29.integration\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
                    google.stubFor(post(FCM_SEND).willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"name\":\"projects/janua-test/messages/1\"}")));
                    google.stubFor(post(FCM_SEND).withRequestBody(matchingJsonPath("$.message[?(@.token == 'stale-fcm-token')]"))
                            .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                                    {"error": {"code": 404, "status": "NOT_FOUND", "details": [{"errorCode": "UNREGISTERED"}]}}""")));
                    WireMockServer apple = PushStubs.https(PushStubs.Tls.create(dir));
                    apple.stubFor(post(urlPathMatching("/3/device/.*")).willReturn(aResponse().withHeader("apns-id", "apns-1")));
                    WireMockServer pushService = PushStubs.http();
                    pushService.stubFor(post(urlPathMatching("/push/.*")).willReturn(aResponse().withStatus(201)));
                    pushService.stubFor(post(urlPathMatching("/push/gone-.*")).willReturn(aResponse().withStatus(410)));
                    stubs = new Stubs(google, apple, pushService, PushStubs.ApnsKey.create(), dir);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return stubs;
        }
    }

    @DynamicPropertySource
    static void push(DynamicPropertyRegistry r) throws Exception {
        Stubs s = Stubs.get();
        r.add("janua.push.fcm.service-account", () -> {
            try {
                return PushStubs.ServiceAccount.create(s.google().baseUrl() + "/token").json();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        r.add("janua.push.fcm.base-url", s.google()::baseUrl);
        r.add("janua.push.apns.url", s.apple()::baseUrl);
        r.add("janua.push.apns.key-id", () -> "TEST123456");
        r.add("janua.push.apns.team-id", () -> "TEAM123456");
        r.add("janua.push.apns.topic", () -> "dev.janua.app");
        r.add("janua.push.apns.private-key", () -> s.apnsKey().pem());
        r.add("janua.push.apns.ca-file", () -> s.dir().resolve("stub-ca.pem").toString());
        r.add("janua.push.webpush.allowed-hosts", () -> "localhost,127.0.0.1");
        r.add("janua.push.webpush.allow-http", () -> "true");
        r.add("janua.push.timeout", () -> "20s");
    }

    private static Map<String, Object> seedDevice(String deviceId, String platform, String token) {
        return Api.map("deviceId", deviceId, "deviceType", "mobile", "platform", platform, "platformVersion", "17.1",
                "appVersion", "1.2.3", "pushToken", token, "biometricCapabilities", List.of("face_id", "touch_id"));
    }

    private static Map<String, Object> seedPush(String deviceId) {
        return Api.map("deviceId", deviceId, "title", "Security Alert", "body", "New sign-in from unknown device",
                "data", Map.of("type", "security_alert", "sessionId", "sess_1234567890"));
    }

    private static String hexToken() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    @Test
    void theSeedsDeviceBodyRegistersAndItsPushIsRecordedByTheDevelopmentProvider() {
        Account a = newUser("seeddev");
        Api.Response r = api.post("/v1/devices", seedDevice("mobile_device_12345", "ios", "fcm_or_apns_token"), a.auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.text("/id")).startsWith("dev_");
        assertThat(r.text("/deviceId")).isEqualTo("mobile_device_12345");
        assertThat(r.text("/deviceType")).isEqualTo("mobile");
        assertThat(r.text("/platform")).isEqualTo("ios");
        assertThat(r.text("/platformVersion")).isEqualTo("17.1");
        assertThat(r.text("/appVersion")).isEqualTo("1.2.3");
        assertThat(r.json().at("/pushEnabled").asBoolean()).isTrue();
        assertThat(r.json().at("/biometricCapabilities").toString()).isEqualTo("[\"face_id\",\"touch_id\"]");
        assertThat(r.json().has("pushToken")).isFalse();

        Api.Response push = api.post("/v1/notifications/push", seedPush("mobile_device_12345"), a.auth());
        assertThat(push.status()).as(push.raw().body()).isEqualTo(202);
        assertThat(push.text("/notifications/0/id")).startsWith("ntf_");
        assertThat(push.text("/notifications/0/status")).isEqualTo("queued");

        // "fcm_or_apns_token" is no APNs token (hex): outside production the development recorder takes it
        JsonNode recorded = await(() -> {
            JsonNode data = api.get("/api/v1/dev/push?userId=" + a.id()).json().path("data");
            return data.isEmpty() ? null : data.get(0);
        });
        assertThat(recorded.path("deviceId").asString()).isEqualTo("mobile_device_12345");
        assertThat(recorded.path("wouldUse").asString()).isEqualTo("apns");
        assertThat(recorded.path("title").asString()).isEqualTo("Security Alert");
        assertThat(recorded.path("data").path("sessionId").asString()).isEqualTo("sess_1234567890");
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'device.registered' AND subject_id = :u", "u", a.id())).isEqualTo(1);
    }

    @Test
    void aPushToAnIosDeviceReachesTheApnsStubOverHttp2() {
        Account a = newUser("apns");
        String token = hexToken();
        assertThat(api.post("/api/v1/devices", seedDevice("iphone-1", "ios", token), a.auth()).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/notifications/push", seedPush("iphone-1"), a.auth()).status()).isEqualTo(202);

        LoggedRequest r = awaitRequest(stubs.apple(), postRequestedFor(urlEqualTo("/3/device/" + token)));
        assertThat(r.getProtocol()).isEqualTo("HTTP/2.0");
        assertThat(r.getHeader("apns-topic")).isEqualTo("dev.janua.app");
        assertThat(r.getHeader("authorization")).startsWith("bearer ey");
        assertThat(JSON.readTree(r.getBodyAsString()).at("/aps/alert/title").asString()).isEqualTo("Security Alert");
        TestOutboxes.awaitSent(jdbc, a.id());
    }

    @Test
    void aPushToAnAndroidDeviceReachesTheFcmStubWithAnOAuthToken() {
        Account a = newUser("fcm");
        String token = "fcm-" + UUID.randomUUID();
        assertThat(api.post("/api/v1/devices", seedDevice("pixel-1", "android", token), a.auth()).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/notifications/push", seedPush("pixel-1"), a.auth()).status()).isEqualTo(202);

        LoggedRequest r = awaitRequest(stubs.google(), postRequestedFor(urlEqualTo(FCM_SEND))
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(token))));
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer ya29.integration");
        assertThat(JSON.readTree(r.getBodyAsString()).at("/message/data/type").asString()).isEqualTo("security_alert");
        assertThat(stubs.google().findAll(postRequestedFor(urlEqualTo("/token")))).isNotEmpty();
    }

    @Test
    void aPushToABrowserReachesTheWebPushStubEncryptedForThatBrowser() throws Exception {
        Account a = newUser("webpush");
        WebPushReceiver browser = new WebPushReceiver();
        String endpoint = stubs.pushService().baseUrl() + "/push/" + UUID.randomUUID();
        Api.Response reg = api.post("/api/v1/devices", Api.map("deviceId", "chrome-1", "deviceType", "desktop", "platform", "web",
                "pushToken", browser.subscription(endpoint)), a.auth());
        assertThat(reg.status()).as(reg.raw().body()).isEqualTo(201);
        assertThat(api.post("/api/v1/notifications/push", seedPush("chrome-1"), a.auth()).status()).isEqualTo(202);

        LoggedRequest r = awaitRequest(stubs.pushService(), postRequestedFor(urlEqualTo(endpoint.substring(endpoint.indexOf("/push/")))));
        JsonNode message = JSON.readTree(browser.decryptToString(r.getBody()));
        assertThat(message.path("title").asString()).isEqualTo("Security Alert");
        assertThat(message.path("data").path("sessionId").asString()).isEqualTo("sess_1234567890");
        assertThat(r.getHeader("Authorization")).startsWith("vapid t=").contains(", k=" + api.get("/v1/notifications/push/vapid-public-key").text("/publicKey"));
    }

    @Test
    void aTokenThePushServiceNoLongerAcceptsIsRemovedFromTheDevice() {
        Account a = newUser("stale");
        api.post("/api/v1/devices", seedDevice("old-phone", "android", "stale-fcm-token"), a.auth());
        WebPushReceiver browser = new WebPushReceiver();
        api.post("/api/v1/devices", Api.map("deviceId", "old-browser", "deviceType", "desktop", "platform", "web",
                "pushToken", browser.subscription(stubs.pushService().baseUrl() + "/push/gone-" + UUID.randomUUID())), a.auth());

        Api.Response push = api.post("/api/v1/notifications/push", Api.map("title", "Hello", "body", "to every device"), a.auth());
        assertThat(push.status()).isEqualTo(202);
        assertThat(push.json().path("notifications").size()).isEqualTo(2);

        await(() -> api.get("/api/v1/devices/old-phone", a.auth()).json().path("pushEnabled").asBoolean() ? null : true);
        await(() -> api.get("/api/v1/devices/old-browser", a.auth()).json().path("pushEnabled").asBoolean() ? null : true);
        assertThat(api.get("/api/v1/devices/old-phone", a.auth()).text("/pushTokenInvalidatedAt")).isNotBlank();
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'device.push_token_invalidated' AND subject_id = :u", "u", a.id()))
                .isEqualTo(2);
        // the messages are dead-lettered at once, with the reason; no retries against a dead token
        TestOutboxes.awaitSettled(jdbc, a.id());
        assertThat(count("""
                SELECT COUNT(*) FROM notification_outbox o JOIN devices d ON o.recipient = d.id
                WHERE d.user_id = :u AND o.status = 'dead' AND o.attempts = 1 AND o.last_error LIKE 'undeliverable: push token no longer valid%'""",
                "u", a.id())).isEqualTo(2);
        // and a device without a token cannot be pushed to
        Api.Response again = api.post("/api/v1/notifications/push", seedPush("old-phone"), a.auth());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/error/details/reason").asString()).isEqualTo("no_push_token");
    }

    @Test
    void aProviderOutageIsRetriedFromTheDurableQueueUntilItDelivers() {
        Account a = newUser("retry");
        String token = "flaky-" + UUID.randomUUID();
        stubs.google().stubFor(post(FCM_SEND).withRequestBody(matchingJsonPath("$.message.token", equalTo(token))).inScenario(token)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        stubs.google().stubFor(post(FCM_SEND).withRequestBody(matchingJsonPath("$.message.token", equalTo(token))).inScenario(token)
                .whenScenarioStateIs("recovered").willReturn(aResponse().withBody("{\"name\":\"projects/janua-test/messages/2\"}")));
        api.post("/api/v1/devices", seedDevice("flaky-phone", "android", token), a.auth());
        api.post("/api/v1/notifications/push", seedPush("flaky-phone"), a.auth());

        TestOutboxes.awaitSent(jdbc, a.id());
        assertThat(stubs.google().findAll(postRequestedFor(urlEqualTo(FCM_SEND))
                .withRequestBody(matchingJsonPath("$.message.token", equalTo(token))))).hasSize(2);
        assertThat(api.get("/api/v1/devices/flaky-phone", a.auth()).json().path("pushEnabled").asBoolean()).isTrue();
    }

    @Test
    void devicesAreListedChangedAndRemovedByTheirOwnerOnly() {
        Account a = newUser("crud");
        Account b = newUser("crud-other");
        String id = api.post("/api/v1/devices", seedDevice("tablet-1", "android", "tok-" + UUID.randomUUID()), a.auth()).text("/id");
        api.post("/api/v1/devices", seedDevice("tablet-2", "android", null), a.auth());

        Api.Response list = api.get("/api/v1/devices?limit=1", a.auth());
        assertThat(list.json().path("data").size()).isEqualTo(1);
        assertThat(list.json().at("/pagination/totalCount").asLong()).isEqualTo(2);
        assertThat(list.json().at("/pagination/hasMore").asBoolean()).isTrue();
        assertThat(api.get("/v1/devices/" + id, a.auth()).text("/deviceId")).isEqualTo("tablet-1");

        // registering the same deviceId again updates the device (200, same id)
        Api.Response again = api.post("/api/v1/devices", seedDevice("tablet-1", "android", "tok-new").entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> "appVersion".equals(e.getKey()) ? "2.0.0" : e.getValue())), a.auth());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("/id")).isEqualTo(id);
        assertThat(again.text("/appVersion")).isEqualTo("2.0.0");

        Api.Response patched = api.patch("/api/v1/devices/tablet-1", Api.map("appVersion", "2.1.0", "pushToken", "", "name", "Kitchen tablet"), a.auth());
        assertThat(patched.status()).as(patched.raw().body()).isEqualTo(200);
        assertThat(patched.text("/appVersion")).isEqualTo("2.1.0");
        assertThat(patched.text("/name")).isEqualTo("Kitchen tablet");
        assertThat(patched.json().path("pushEnabled").asBoolean()).isFalse();

        // someone else's device does not exist for them
        assertThat(api.get("/api/v1/devices/" + id, b.auth()).errorCode()).isEqualTo("DEVICE_NOT_FOUND");
        assertThat(api.patch("/api/v1/devices/" + id, Api.map("name", "mine"), b.auth()).errorCode()).isEqualTo("DEVICE_NOT_FOUND");
        assertThat(api.delete("/api/v1/devices/" + id, null, b.auth()).errorCode()).isEqualTo("DEVICE_NOT_FOUND");

        assertThat(api.delete("/api/v1/devices/" + id, null, a.auth()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/devices/" + id, a.auth()).status()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'device.removed' AND subject_id = :u", "u", a.id())).isEqualTo(1);
    }

    @Test
    void badRegistrationsAndPushesAreRefusedWithCodes() {
        Account a = newUser("bad");
        assertThat(api.post("/api/v1/devices", seedDevice("has spaces", "ios", "t"), a.auth()).json().at("/error/details/field").asString())
                .isEqualTo("deviceId");
        Api.Response noPlatform = api.post("/api/v1/devices", Api.map("deviceId", "x1", "deviceType", "mobile"), a.auth());
        assertThat(noPlatform.status()).isEqualTo(422);
        assertThat(noPlatform.errorCode()).isEqualTo("VALIDATION_ERROR");
        // a Web Push subscription may not point Janua at an arbitrary host
        Api.Response ssrf = api.post("/api/v1/devices", Api.map("deviceId", "evil", "deviceType", "desktop", "platform", "web",
                "pushToken", new WebPushReceiver().subscription("http://169.254.169.254/latest/meta-data")), a.auth());
        assertThat(ssrf.status()).isEqualTo(422);
        assertThat(ssrf.json().at("/error/details/field").asString()).isEqualTo("pushToken");
        api.post("/api/v1/devices", seedDevice("ok-1", "android", "tok-" + UUID.randomUUID()), a.auth());
        Api.Response nested = api.post("/api/v1/notifications/push", Api.map("deviceId", "ok-1", "title", "t", "data", Map.of("a", Map.of("b", 1))), a.auth());
        assertThat(nested.status()).isEqualTo(422);
        Api.Response empty = api.post("/api/v1/notifications/push", Api.map("deviceId", "ok-1"), a.auth());
        assertThat(empty.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/notifications/push", seedPush("no-such-device"), a.auth()).errorCode()).isEqualTo("DEVICE_NOT_FOUND");
        assertThat(api.post("/api/v1/devices", seedDevice("anon", "ios", "t")).errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(api.post("/api/v1/notifications/push", seedPush("anon")).errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void whoMayPushToWhom() {
        Account owner = newUser("push-owner");
        String org = createOrg(owner);
        Account member = memberOf(org, "member", "push-member");
        Account outsider = newUser("push-outsider");
        api.post("/api/v1/devices", seedDevice("m-phone", "android", "tok-" + UUID.randomUUID()), member.auth());
        api.post("/api/v1/devices", seedDevice("o-phone", "android", "tok-" + UUID.randomUUID()), outsider.auth());
        Map<String, Object> toMember = Api.map("userId", member.id(), "title", "From the backend", "body", "hi");

        // a user: own devices only
        assertThat(api.post("/api/v1/notifications/push", seedPush("m-phone"), outsider.auth()).errorCode()).isEqualTo("DEVICE_NOT_FOUND");
        Api.Response otherUser = api.post("/api/v1/notifications/push", toMember, outsider.auth());
        assertThat(otherUser.status()).isEqualTo(403);
        assertThat(otherUser.errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        // a platform admin: anyone's
        assertThat(api.post("/api/v1/notifications/push", toMember, platformAdmin().auth()).status()).isEqualTo(202);

        // an organization API key with push:send: its members' devices, no one else's
        String key = api.post("/api/v1/organizations/" + org + "/api-keys", Api.map("name", "Backend", "permissions", List.of("push:send")),
                owner.auth()).text("/key");
        Api.Response byKey = api.post("/api/v1/notifications/push", toMember, "X-API-Key", key);
        assertThat(byKey.status()).as(byKey.raw().body()).isEqualTo(202);
        assertThat(byKey.text("/notifications/0/deviceId")).isEqualTo("m-phone");
        Api.Response toOutsider = api.post("/api/v1/notifications/push", Api.map("userId", outsider.id(), "title", "t"), "Authorization", Api.bearer(key));
        assertThat(toOutsider.status()).isEqualTo(404);
        assertThat(toOutsider.errorCode()).isEqualTo("USER_NOT_FOUND");
        assertThat(api.post("/api/v1/notifications/push", Api.map("userId", "usr_doesnotexist", "title", "t"), "X-API-Key", key).errorCode())
                .isEqualTo("USER_NOT_FOUND");
        assertThat(api.post("/api/v1/notifications/push", Api.map("title", "t"), "X-API-Key", key).errorCode()).isEqualTo("VALIDATION_ERROR");
        // a key without push:send
        String readOnly = api.post("/api/v1/organizations/" + org + "/api-keys", Api.map("name", "Reader", "permissions", List.of("members:read")),
                owner.auth()).text("/key");
        Api.Response refused = api.post("/api/v1/notifications/push", toMember, "X-API-Key", readOnly);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/error/details/required").asString()).isEqualTo("push:send");
        // keys do not manage devices (they are the user's own)
        assertThat(api.get("/api/v1/devices", "X-API-Key", key).status()).isIn(401, 403);
    }

    @Test
    void aPushTokenRegisteredByAnotherAccountLeavesThePreviousOwnersDevice() {
        Account first = newUser("handed-on-1");
        Account second = newUser("handed-on-2");
        String token = "shared-" + UUID.randomUUID();
        api.post("/api/v1/devices", seedDevice("family-phone", "android", token), first.auth());
        api.post("/api/v1/devices", seedDevice("family-phone", "android", token), second.auth());
        assertThat(api.get("/api/v1/devices/family-phone", first.auth()).json().path("pushEnabled").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/devices/family-phone", second.auth()).json().path("pushEnabled").asBoolean()).isTrue();
    }

    private static LoggedRequest awaitRequest(WireMockServer server, RequestPatternBuilder pattern) {
        return await(() -> {
            List<LoggedRequest> found = server.findAll(pattern);
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    static <T> T await(Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) return value;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("not within 20 s");
    }
}
