package dev.janua.server.devices.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.janua.server.devices.domain.Device;
import dev.janua.server.devices.domain.EcKeys;
import dev.janua.server.devices.domain.PushContent;
import dev.janua.server.devices.domain.PushOutcome;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Firebase Cloud Messaging, HTTP v1 API: the service account signs a JWT (RS256) that Google's
 * token endpoint exchanges for an OAuth access token (RFC 7523 JWT bearer grant, scope
 * {@code firebase.messaging}), cached until shortly before it expires; each message is one
 * {@code POST /v1/projects/{project}/messages:send}. {@code UNREGISTERED} (404) and
 * {@code SENDER_ID_MISMATCH} mean the token will never work again.
 *
 * @see <a href="https://firebase.google.com/docs/cloud-messaging/send/v1-api">FCM HTTP v1</a>
 * @see <a href="https://developers.google.com/identity/protocols/oauth2/service-account#httprest">Service-account OAuth</a>
 */
final class FcmPushProvider implements PushProvider {
    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);
    private final ServiceAccount account;
    private final URI sendUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private volatile AccessToken token;

    /** The fields of a Google service-account key file that matter here. */
    record ServiceAccount(String projectId, String clientEmail, PrivateKey privateKey, String privateKeyId, URI tokenUri) {
        static ServiceAccount parse(String keyFileJson, JsonMapper json) {
            JsonNode n = json.readTree(keyFileJson);
            String project = n.path("project_id").asString("");
            String email = n.path("client_email").asString("");
            if (project.isBlank() || email.isBlank()) throw new IllegalStateException("the FCM service account needs project_id and client_email");
            return new ServiceAccount(project, email, EcKeys.fromPem(n.path("private_key").asString(""), "RSA"),
                    n.path("private_key_id").asString(null), URI.create(n.path("token_uri").asString("https://oauth2.googleapis.com/token")));
        }
    }

    private record AccessToken(String value, Instant expiresAt) {}

    FcmPushProvider(ServiceAccount account, String baseUrl, Duration timeout, JsonMapper json, Clock clock) {
        this.account = account;
        this.sendUrl = URI.create(baseUrl.replaceAll("/+$", "") + "/v1/projects/" + account.projectId() + "/messages:send");
        this.timeout = timeout;
        this.http = PushHttp.client(HttpClient.Version.HTTP_2, timeout, null);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "fcm";
    }

    @Override
    public PushOutcome send(Device device, PushContent content) throws Exception {
        String bearer = accessToken();
        if (bearer == null) return new PushOutcome.Retry("FCM OAuth token endpoint refused the service account");
        Map<String, Object> notification = new LinkedHashMap<>();
        if (content.title() != null && !content.title().isEmpty()) notification.put("title", content.title());
        if (content.body() != null && !content.body().isEmpty()) notification.put("body", content.body());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("token", device.pushToken());
        message.put("notification", notification);
        if (!content.data().isEmpty()) message.put("data", content.data());
        HttpRequest request = HttpRequest.newBuilder(sendUrl).timeout(timeout)
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("message", message)))).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = r.statusCode();
        if (status == 200) return new PushOutcome.Delivered(json.readTree(r.body()).path("name").asString(null));
        String fcmCode = errorCode(r.body());
        if (status == 404 || "UNREGISTERED".equals(fcmCode)) return new PushOutcome.TokenInvalid("FCM " + status + " " + fcmCode);
        if ("SENDER_ID_MISMATCH".equals(fcmCode)) return new PushOutcome.TokenInvalid("FCM " + status + " SENDER_ID_MISMATCH");
        if (status == 401) {
            token = null; // revoked or expired early: the next attempt fetches a new one
            return PushHttp.retry("FCM", status, fcmCode);
        }
        if (PushHttp.transientStatus(status)) return PushHttp.retry("FCM", status, fcmCode);
        return new PushOutcome.Rejected("FCM answered " + status + " " + fcmCode);
    }

    /** FCM's own code: {@code error.details[].errorCode} (type FcmError), else the Google status. */
    private String errorCode(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            for (JsonNode d : error.path("details")) {
                if (d.has("errorCode")) return d.path("errorCode").asString();
            }
            return error.path("status").asString("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** A cached OAuth access token, or a new one from the token endpoint; null when it refused. */
    private String accessToken() throws Exception {
        AccessToken t = token;
        Instant now = clock.instant();
        if (t != null && now.isBefore(t.expiresAt().minus(REFRESH_BEFORE))) return t.value();
        synchronized (this) {
            t = token;
            if (t != null && now.isBefore(t.expiresAt().minus(REFRESH_BEFORE))) return t.value();
            String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                    + "&assertion=" + assertion(now);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(account.tokenUri()).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return null;
            JsonNode n = json.readTree(r.body());
            String value = n.path("access_token").asString("");
            if (value.isBlank()) return null;
            token = new AccessToken(value, now.plusSeconds(n.path("expires_in").asLong(3600)));
            return value;
        }
    }

    /** The service account's self-signed JWT: iss = sub = client_email, aud = token URI, one hour. */
    String assertion(Instant now) throws JOSEException {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256);
        if (account.privateKeyId() != null) header.keyID(account.privateKeyId());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(account.clientEmail()).subject(account.clientEmail())
                .audience(account.tokenUri().toString()).claim("scope", SCOPE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build();
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new RSASSASigner(account.privateKey()));
        return jwt.serialize();
    }
}
