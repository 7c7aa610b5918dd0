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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apple Push Notification service over HTTP/2 with token-based authentication: an ES256 JWT
 * ({@code kid} = the key id, {@code iss} = the team id, {@code iat}) signed with the {@code .p8}
 * key, reused for 40 minutes (Apple refuses tokens older than an hour and throttles ones renewed
 * more often than every 20 minutes). One {@code POST /3/device/{token}} per message; 410
 * {@code Unregistered}, {@code BadDeviceToken} and {@code DeviceTokenNotForTopic} mean the token will
 * never work here again. The JDK client speaks HTTP/2 to APNs through ALPN.
 *
 * @see <a href="https://developer.apple.com/documentation/usernotifications/sending-notification-requests-to-apns">Sending notification requests to APNs</a>
 * @see <a href="https://developer.apple.com/documentation/usernotifications/establishing-a-token-based-connection-to-apns">Token-based connection</a>
 */
final class ApnsPushProvider implements PushProvider {
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(40);
    private static final Pattern DEVICE_TOKEN = Pattern.compile("[0-9a-fA-F]{32,200}");
    private final URI base;
    private final String keyId;
    private final String teamId;
    private final ECPrivateKey key;
    private final String topic;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private volatile ProviderToken token;

    private record ProviderToken(String jwt, Instant issuedAt) {}

    ApnsPushProvider(String url, String keyId, String teamId, ECPrivateKey key, String topic, Duration timeout, SSLContext tls,
                     JsonMapper json, Clock clock) {
        if (keyId == null || keyId.isBlank() || teamId == null || teamId.isBlank() || topic == null || topic.isBlank()) {
            throw new IllegalStateException("APNs needs JANUA_PUSH_APNS_KEY_ID, JANUA_PUSH_APNS_TEAM_ID and JANUA_PUSH_APNS_TOPIC");
        }
        this.base = URI.create(url.replaceAll("/+$", ""));
        this.keyId = keyId;
        this.teamId = teamId;
        this.key = key;
        this.topic = topic;
        this.timeout = timeout;
        this.http = PushHttp.client(HttpClient.Version.HTTP_2, timeout, tls);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "apns";
    }

    /** APNs device tokens are hex strings (32 bytes today); anything else would be a 400 BadDeviceToken. */
    @Override
    public boolean accepts(String token) {
        return token != null && DEVICE_TOKEN.matcher(token).matches();
    }

    @Override
    public PushOutcome send(Device device, PushContent content) throws Exception {
        Map<String, Object> alert = new LinkedHashMap<>();
        if (content.title() != null && !content.title().isEmpty()) alert.put("title", content.title());
        if (content.body() != null && !content.body().isEmpty()) alert.put("body", content.body());
        // custom keys sit beside "aps" (Apple reserves only "aps")
        Map<String, Object> payload = new LinkedHashMap<>(content.data());
        payload.remove("aps");
        payload.put("aps", Map.of("alert", alert, "sound", "default"));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/3/device/" + device.pushToken())).timeout(timeout)
                .header("authorization", "bearer " + providerToken())
                .header("apns-topic", topic).header("apns-push-type", "alert").header("apns-priority", "10")
                // the outbox id, as a UUID: a retry of the same message carries the same apns-id
                .header("apns-id", UUID.nameUUIDFromBytes(content.messageId().getBytes(StandardCharsets.UTF_8)).toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload))).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = r.statusCode();
        if (status == 200) return new PushOutcome.Delivered(r.headers().firstValue("apns-id").orElse(null));
        String reason = reason(r.body());
        if (status == 410 || "BadDeviceToken".equals(reason) || "DeviceTokenNotForTopic".equals(reason) || "Unregistered".equals(reason)) {
            return new PushOutcome.TokenInvalid("APNs " + status + " " + reason);
        }
        if (status == 403 && ("ExpiredProviderToken".equals(reason) || "InvalidProviderToken".equals(reason))) {
            token = null;
            return PushHttp.retry("APNs", status, reason);
        }
        if (PushHttp.transientStatus(status)) return PushHttp.retry("APNs", status, reason);
        return new PushOutcome.Rejected("APNs answered " + status + " " + reason);
    }

    private String reason(String body) {
        try {
            return json.readTree(body).path("reason").asString("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    String providerToken() throws JOSEException {
        ProviderToken t = token;
        Instant now = clock.instant();
        if (t != null && now.isBefore(t.issuedAt().plus(TOKEN_LIFETIME))) return t.jwt();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build(),
                new JWTClaimsSet.Builder().issuer(teamId).issueTime(Date.from(now)).build());
        jwt.sign(new ECDSASigner(key));
        token = new ProviderToken(jwt.serialize(), now);
        return token.jwt();
    }
}
