package dev.janua.server.devices.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.janua.server.devices.PushStubs;
import dev.janua.server.devices.domain.Device;
import dev.janua.server.devices.domain.EcKeys;
import dev.janua.server.devices.domain.PushOutcome;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The APNs adapter against a stub of Apple's provider API ({@code POST /3/device/{token}}) served
 * over HTTPS with HTTP/2 (ALPN), as APNs requires; the stub records which protocol each request came in.
 */
class ApnsPushProviderTest {
    private static final String TOKEN = "a".repeat(64);
    @TempDir
    static Path dir;
    private static WireMockServer apple;
    private static PushStubs.ApnsKey key;
    private static SSLContext trust;
    private final JsonMapper json = JsonMapper.builder().build();
    private ApnsPushProvider apns;

    @BeforeAll
    static void startApple() throws Exception {
        PushStubs.Tls tls = PushStubs.Tls.create(dir);
        apple = PushStubs.https(tls);
        key = PushStubs.ApnsKey.create();
        trust = PushProviders.trusting(tls.caPem().toString());
    }

    @AfterAll
    static void stopApple() {
        apple.stop();
    }

    @BeforeEach
    void provider() {
        apple.resetAll();
        apns = new ApnsPushProvider(apple.baseUrl(), "TEST123456", "TEAM123456", (ECPrivateKey) EcKeys.fromPem(key.pem(), "EC"),
                "dev.janua.app", Duration.ofSeconds(20), trust, json, Clock.systemUTC());
    }

    @Test
    void sendWhenApnsAcceptsThenDeliveredOverHttp2WithAProviderTokenSignedByTheP8Key() throws Exception {
        apple.stubFor(post(urlPathMatching("/3/device/.*")).willReturn(aResponse().withStatus(200).withHeader("apns-id", "abc-1")));

        PushOutcome outcome = apns.send(device(TOKEN), FcmPushProviderTest.content());

        assertThat(outcome).isEqualTo(new PushOutcome.Delivered("abc-1"));
        LoggedRequest r = apple.findAll(postRequestedFor(urlPathMatching("/3/device/.*"))).getFirst();
        assertThat(r.getProtocol()).isEqualTo("HTTP/2.0");
        assertThat(r.getUrl()).isEqualTo("/3/device/" + TOKEN);
        assertThat(r.getHeader("apns-topic")).isEqualTo("dev.janua.app");
        assertThat(r.getHeader("apns-push-type")).isEqualTo("alert");
        assertThat(r.getHeader("apns-id")).isEqualTo(UUID.nameUUIDFromBytes("ntf_1".getBytes()).toString());
        SignedJWT jwt = SignedJWT.parse(r.getHeader("authorization").substring("bearer ".length()));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("TEST123456");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("TEAM123456");
        assertThat(jwt.getJWTClaimsSet().getIssueTime()).isNotNull();
        assertThat(jwt.verify(new ECDSAVerifier(key.publicKey()))).isTrue();
        JsonNode payload = json.readTree(r.getBodyAsString());
        assertThat(payload.path("aps").path("alert").path("title").asString()).isEqualTo("Security Alert");
        assertThat(payload.path("aps").path("alert").path("body").asString()).isEqualTo("New sign-in from unknown device");
        assertThat(payload.path("sessionId").asString()).isEqualTo("sess_1234567890");
    }

    @Test
    void sendWhenApnsAnswers410OrBadDeviceTokenThenTheTokenIsInvalid() throws Exception {
        apple.stubFor(post(urlPathMatching("/3/device/.*")).willReturn(aResponse().withStatus(410)
                .withBody("{\"reason\":\"Unregistered\",\"timestamp\":1700000000000}")));
        assertThat(apns.send(device(TOKEN), FcmPushProviderTest.content())).isInstanceOf(PushOutcome.TokenInvalid.class);
        apple.stubFor(post(urlPathMatching("/3/device/.*")).willReturn(aResponse().withStatus(400).withBody("{\"reason\":\"BadDeviceToken\"}")));
        assertThat(apns.send(device(TOKEN), FcmPushProviderTest.content())).isInstanceOf(PushOutcome.TokenInvalid.class);
    }

    @Test
    void sendWhenTheProviderTokenExpiredOrApnsIsBusyThenRetryWithANewToken() throws Exception {
        apple.stubFor(post(urlPathMatching("/3/device/.*")).willReturn(aResponse().withStatus(403).withBody("{\"reason\":\"ExpiredProviderToken\"}")));
        String before = apns.providerToken();
        assertThat(apns.send(device(TOKEN), FcmPushProviderTest.content())).isInstanceOf(PushOutcome.Retry.class);
        assertThat(apns.providerToken()).isNotEqualTo(before);
        apple.stubFor(post(urlPathMatching("/3/device/.*")).willReturn(aResponse().withStatus(429).withBody("{\"reason\":\"TooManyRequests\"}")));
        assertThat(apns.send(device(TOKEN), FcmPushProviderTest.content())).isInstanceOf(PushOutcome.Retry.class);
        apple.stubFor(post(urlPathMatching("/3/device/.*")).willReturn(aResponse().withStatus(413).withBody("{\"reason\":\"PayloadTooLarge\"}")));
        assertThat(apns.send(device(TOKEN), FcmPushProviderTest.content())).isInstanceOf(PushOutcome.Rejected.class);
    }

    @Test
    void acceptsOnlyHexDeviceTokens() {
        assertThat(apns.accepts(TOKEN)).isTrue();
        assertThat(apns.accepts("fcm_or_apns_token")).isFalse();
        assertThat(apns.accepts("../../admin")).isFalse();
    }

    static Device device(String token) {
        Instant now = Instant.now();
        return new Device("dev_1", "usr_1", "mobile_device_12345", "mobile", "ios", "17.1", "1.2.3", null, null, token, null,
                List.of("face_id", "touch_id"), now, now);
    }
}
