package dev.janua.server.devices.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.janua.server.devices.PushStubs;
import dev.janua.server.devices.domain.Device;
import dev.janua.server.devices.domain.PushContent;
import dev.janua.server.devices.domain.PushOutcome;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FCM adapter against a stub of Google's two documented endpoints: the OAuth token endpoint
 * (JWT bearer grant) and {@code POST /v1/projects/{project}/messages:send}, answering as FCM does.
 */
class FcmPushProviderTest {
    private static final String SEND = "/v1/projects/janua-test/messages:send";
    private final JsonMapper json = JsonMapper.builder().build();
    private WireMockServer google;
    private PushStubs.ServiceAccount account;
    private FcmPushProvider fcm;

    @BeforeEach
    void start() throws Exception {
        google = PushStubs.http();
        account = PushStubs.ServiceAccount.create(google.baseUrl() + "/token");
        google.stubFor(post("/token").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"ya29.test-token\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        fcm = new FcmPushProvider(FcmPushProvider.ServiceAccount.parse(account.json(), json), google.baseUrl(), Duration.ofSeconds(20), json,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        google.stop();
    }

    @Test
    void sendWhenFcmAcceptsThenDeliveredWithItsMessageNameAfterOneTokenExchange() throws Exception {
        google.stubFor(post(SEND).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"projects/janua-test/messages/0:1500415314455276%31bd1c9631bd1c96\"}")));

        PushOutcome first = fcm.send(device("fcm-token-1"), content());
        PushOutcome second = fcm.send(device("fcm-token-1"), content());

        assertThat(first).isEqualTo(new PushOutcome.Delivered("projects/janua-test/messages/0:1500415314455276%31bd1c9631bd1c96"));
        assertThat(second).isInstanceOf(PushOutcome.Delivered.class);
        // the access token is cached: one exchange for two sends
        google.verify(1, postRequestedFor(urlEqualTo("/token")));
        google.verify(2, postRequestedFor(urlEqualTo(SEND)).withHeader("Authorization", equalTo("Bearer ya29.test-token")));

        String form = google.findAll(postRequestedFor(urlEqualTo("/token"))).getFirst().getBodyAsString();
        Map<String, String> fields = new java.util.HashMap<>();
        for (String kv : form.split("&")) fields.put(kv.split("=")[0], URLDecoder.decode(kv.split("=")[1], StandardCharsets.UTF_8));
        assertThat(fields.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
        SignedJWT assertion = SignedJWT.parse(fields.get("assertion"));
        assertThat(assertion.verify(new RSASSAVerifier(account.publicKey()))).isTrue();
        assertThat(assertion.getHeader().getKeyID()).isEqualTo("key-1");
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo("push@janua-test.iam.gserviceaccount.com");
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(google.baseUrl() + "/token");
        assertThat(assertion.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("https://www.googleapis.com/auth/firebase.messaging");

        JsonNode message = json.readTree(google.findAll(postRequestedFor(urlEqualTo(SEND))).getFirst().getBodyAsString()).path("message");
        assertThat(message.path("token").asString()).isEqualTo("fcm-token-1");
        assertThat(message.path("notification").path("title").asString()).isEqualTo("Security Alert");
        assertThat(message.path("notification").path("body").asString()).isEqualTo("New sign-in from unknown device");
        assertThat(message.path("data").path("sessionId").asString()).isEqualTo("sess_1234567890");
    }

    @Test
    void sendWhenFcmAnswersUnregisteredThenTheTokenIsInvalid() throws Exception {
        google.stubFor(post(SEND).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND",
                  "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "UNREGISTERED"}]}}""")));
        assertThat(fcm.send(device("stale"), content())).isInstanceOf(PushOutcome.TokenInvalid.class);
    }

    @Test
    void sendWhenFcmIsOverloadedOrTheTokenExpiredThenRetryLater() throws Exception {
        google.stubFor(post(SEND).willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"status\":\"UNAVAILABLE\"}}")));
        assertThat(fcm.send(device("t"), content())).isInstanceOf(PushOutcome.Retry.class);
        google.stubFor(post(SEND).willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"status\":\"UNAUTHENTICATED\"}}")));
        assertThat(fcm.send(device("t"), content())).isInstanceOf(PushOutcome.Retry.class);
        fcm.send(device("t"), content());
        // the 401 dropped the cached access token: the next attempt exchanged a new one
        google.verify(2, postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void sendWhenFcmRejectsTheMessageThenGiveUpWithoutTouchingTheToken() throws Exception {
        google.stubFor(post(SEND).willReturn(aResponse().withStatus(400).withBody("""
                {"error": {"code": 400, "status": "INVALID_ARGUMENT", "details": [{"errorCode": "INVALID_ARGUMENT"}]}}""")));
        assertThat(fcm.send(device("t"), content())).isEqualTo(new PushOutcome.Rejected("FCM answered 400 INVALID_ARGUMENT"));
    }

    @Test
    void sendWhenTheTokenEndpointRefusesTheServiceAccountThenRetryLater() throws Exception {
        google.stubFor(post("/token").willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
        assertThat(fcm.send(device("t"), content())).isInstanceOf(PushOutcome.Retry.class);
        google.verify(0, postRequestedFor(urlEqualTo(SEND)));
    }

    static Device device(String token) {
        Instant now = Instant.now();
        return new Device("dev_1", "usr_1", "mobile_device_12345", "mobile", "android", "14", "1.2.3", null, null, token, null,
                List.of(), now, now);
    }

    static PushContent content() {
        return new PushContent("ntf_1", "Security Alert", "New sign-in from unknown device",
                Map.of("type", "security_alert", "sessionId", "sess_1234567890"));
    }
}
