package dev.janua.server.devices.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.janua.server.devices.PushStubs;
import dev.janua.server.devices.WebPushReceiver;
import dev.janua.server.devices.domain.Device;
import dev.janua.server.devices.domain.EcKeys;
import dev.janua.server.devices.domain.PushOutcome;
import dev.janua.server.devices.domain.WebPushEncryption;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Web Push adapter against a stub push service (RFC 8030 §5: {@code POST} to the
 * subscription's endpoint, 201 Created): the body is decrypted here with the browser's keys, made
 * in the test, and the VAPID header is verified with the key it names.
 */
class WebPushProviderTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final KeyPair vapidPair = EcKeys.generate();
    private final String vapidPublic = Base64.getUrlEncoder().withoutPadding().encodeToString(EcKeys.encodePoint((ECPublicKey) vapidPair.getPublic()));
    private WireMockServer pushService;
    private WebPushProvider webPush;
    private WebPushSubscriptions subscriptions;

    @BeforeEach
    void start() {
        pushService = PushStubs.http();
        String privateKey = Base64.getUrlEncoder().withoutPadding().encodeToString(EcKeys.encodeScalar((ECPrivateKey) vapidPair.getPrivate()));
        VapidKeys vapid = VapidKeys.configured("mailto:ops@janua.test", vapidPublic, privateKey);
        subscriptions = new WebPushSubscriptions(List.of("127.0.0.1", "localhost"), true, json);
        webPush = new WebPushProvider(() -> vapid, subscriptions, new WebPushEncryption(), Duration.ofSeconds(20), json, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        pushService.stop();
    }

    @Test
    void sendWhenThePushServiceAcceptsThenTheBrowserCanDecryptTheMessage() throws Exception {
        pushService.stubFor(post(urlPathMatching("/push/.*")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", pushService.baseUrl() + "/message/m1")));
        WebPushReceiver browser = new WebPushReceiver();

        PushOutcome outcome = webPush.send(device(browser.subscription(pushService.baseUrl() + "/push/sub-1")), FcmPushProviderTest.content());

        assertThat(outcome).isEqualTo(new PushOutcome.Delivered(pushService.baseUrl() + "/message/m1"));
        LoggedRequest r = pushService.findAll(postRequestedFor(urlPathMatching("/push/.*"))).getFirst();
        assertThat(r.getHeader("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(r.getHeader("TTL")).isEqualTo("86400");
        JsonNode message = json.readTree(browser.decryptToString(r.getBody()));
        assertThat(message.path("title").asString()).isEqualTo("Security Alert");
        assertThat(message.path("body").asString()).isEqualTo("New sign-in from unknown device");
        assertThat(message.path("data").path("type").asString()).isEqualTo("security_alert");

        // RFC 8292 §3: Authorization: vapid t=<JWT>, k=<public key>
        String auth = r.getHeader("Authorization");
        assertThat(auth).startsWith("vapid t=").endsWith(", k=" + vapidPublic);
        SignedJWT jwt = SignedJWT.parse(auth.substring("vapid t=".length(), auth.indexOf(',')));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) vapidPair.getPublic()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(pushService.baseUrl());
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("mailto:ops@janua.test");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isBefore(Date.from(Instant.now().plus(Duration.ofHours(24))));
    }

    @Test
    void sendWhenTheSubscriptionIsGoneThenTheTokenIsInvalid() throws Exception {
        WebPushReceiver browser = new WebPushReceiver();
        pushService.stubFor(post(urlPathMatching("/push/.*")).willReturn(aResponse().withStatus(410)));
        assertThat(webPush.send(device(browser.subscription(pushService.baseUrl() + "/push/gone")), FcmPushProviderTest.content()))
                .isInstanceOf(PushOutcome.TokenInvalid.class);
        pushService.stubFor(post(urlPathMatching("/push/.*")).willReturn(aResponse().withStatus(404)));
        assertThat(webPush.send(device(browser.subscription(pushService.baseUrl() + "/push/unknown")), FcmPushProviderTest.content()))
                .isInstanceOf(PushOutcome.TokenInvalid.class);
        pushService.stubFor(post(urlPathMatching("/push/.*")).willReturn(aResponse().withStatus(429)));
        assertThat(webPush.send(device(browser.subscription(pushService.baseUrl() + "/push/busy")), FcmPushProviderTest.content()))
                .isInstanceOf(PushOutcome.Retry.class);
    }

    @Test
    void subscriptionsMayOnlyPointAtAllowedPushServices() {
        WebPushReceiver browser = new WebPushReceiver();
        WebPushSubscriptions production = new WebPushSubscriptions(List.of("fcm.googleapis.com", "*.push.services.mozilla.com"), false, json);
        assertThat(production.parse(browser.subscription("https://fcm.googleapis.com/fcm/send/abc")).endpoint().getHost())
                .isEqualTo("fcm.googleapis.com");
        assertThat(production.parse(browser.subscription("https://updates.push.services.mozilla.com/wpush/v2/x")).endpoint()).isNotNull();
        assertThatThrownBy(() -> production.parse(browser.subscription("http://fcm.googleapis.com/fcm/send/abc")))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> production.parse(browser.subscription("https://169.254.169.254/latest/meta-data")))
                .hasMessageContaining("not an allowed push service");
        assertThatThrownBy(() -> production.parse(browser.subscription("https://evil.example/?fcm.googleapis.com")))
                .hasMessageContaining("not an allowed push service");
        assertThatThrownBy(() -> production.parse("{\"endpoint\":\"https://fcm.googleapis.com/x\",\"keys\":{\"p256dh\":\"AAAA\",\"auth\":\"AAAA\"}}"))
                .hasMessageContaining("p256dh");
    }

    private static Device device(String subscription) {
        Instant now = Instant.now();
        return new Device("dev_w", "usr_1", "browser-1", "web", "web", null, null, null, null, subscription, null, List.of(), now, now);
    }
}
