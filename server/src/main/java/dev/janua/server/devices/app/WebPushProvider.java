package dev.janua.server.devices.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.janua.server.devices.domain.Device;
import dev.janua.server.devices.domain.PushContent;
import dev.janua.server.devices.domain.PushOutcome;
import dev.janua.server.devices.domain.WebPushEncryption;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Web Push (RFC 8030) to the push service named in a browser's subscription: the payload
 * encrypted for the browser (RFC 8291, {@code aes128gcm}), the request signed for the push service
 * with VAPID (RFC 8292: an ES256 JWT whose {@code aud} is the endpoint's origin, and the public key
 * in {@code k}). 404 and 410 mean the subscription has expired or been withdrawn (RFC 8030 §7.3).
 */
final class WebPushProvider implements PushProvider {
    /** RFC 8292 §2: at most 24 hours; 12 leaves room for clock skew. */
    private static final Duration JWT_LIFETIME = Duration.ofHours(12);
    private static final Duration TTL = Duration.ofHours(24);
    private final java.util.function.Supplier<VapidKeys> vapid;
    private final WebPushSubscriptions subscriptions;
    private final WebPushEncryption encryption;
    private final Duration timeout;
    private final HttpClient http;
    private final tools.jackson.databind.json.JsonMapper json;
    private final Clock clock;

    WebPushProvider(java.util.function.Supplier<VapidKeys> vapid, WebPushSubscriptions subscriptions, WebPushEncryption encryption, Duration timeout,
                    tools.jackson.databind.json.JsonMapper json, Clock clock) {
        this.vapid = vapid;
        this.subscriptions = subscriptions;
        this.encryption = encryption;
        this.timeout = timeout;
        this.http = PushHttp.client(HttpClient.Version.HTTP_2, timeout, null);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webpush";
    }

    @Override
    public boolean accepts(String token) {
        return subscriptions.looksLikeSubscription(token);
    }

    @Override
    public PushOutcome send(Device device, PushContent content) throws Exception {
        WebPushSubscriptions.Subscription s;
        try {
            s = subscriptions.parse(device.pushToken());
        } catch (IllegalArgumentException e) {
            // a subscription that no longer passes the endpoint policy is as good as gone
            return new PushOutcome.TokenInvalid("subscription refused: " + e.getMessage());
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("title", content.title());
        message.put("body", content.body());
        message.put("data", content.data());
        message.put("id", content.messageId());
        byte[] body = encryption.encrypt(json.writeValueAsString(message).getBytes(StandardCharsets.UTF_8), s.p256dh(), s.auth());
        HttpRequest request = HttpRequest.newBuilder(s.endpoint()).timeout(timeout)
                .header("TTL", Long.toString(TTL.toSeconds())).header("Urgency", "high")
                .header("Content-Encoding", "aes128gcm").header("Content-Type", "application/octet-stream")
                .header("Authorization", authorization(s.endpoint()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = r.statusCode();
        if (status / 100 == 2) return new PushOutcome.Delivered(r.headers().firstValue("Location").orElse(null));
        if (status == 404 || status == 410) return new PushOutcome.TokenInvalid("Web Push " + status);
        // 401/403: the push service refused our VAPID signature (keys changed?); an operator can fix that, so retry
        if (PushHttp.transientStatus(status) || status == 401 || status == 403) {
            return PushHttp.retry("Web Push", status, PushHttp.truncate(r.body()));
        }
        return new PushOutcome.Rejected("Web Push answered " + status);
    }

    /** RFC 8292 §3: {@code vapid t=<JWT>, k=<public key>}. */
    String authorization(URI endpoint) throws JOSEException {
        Instant now = clock.instant();
        VapidKeys vapid = this.vapid.get();
        String origin = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(com.nimbusds.jose.JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().audience(origin).expirationTime(Date.from(now.plus(JWT_LIFETIME))).subject(vapid.subject()).build());
        jwt.sign(new ECDSASigner(vapid.privateKey()));
        return "vapid t=" + jwt.serialize() + ", k=" + vapid.publicKeyBase64Url();
    }
}
