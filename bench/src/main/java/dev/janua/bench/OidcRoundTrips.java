package dev.janua.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenID Provider's scenarios of the load generator (issue 8), for one virtual user:
 * <ul>
 *   <li>{@code authcode}: a full authorization-code round trip with PKCE for a person already signed in
 *       to the hosted pages — {@code GET /oauth2/authorize} (302 with a code; the application is
 *       first-party, so no consent page) then {@code POST /oauth2/token} with the code and verifier;
 *       it counts only when the token endpoint answers 200 with an ID token;</li>
 *   <li>{@code client-credentials}: {@code POST /oauth2/token grant_type=client_credentials};</li>
 *   <li>{@code kc-client-credentials}: the same grant on Keycloak (client {@code bench-cc}, bench/keycloak.sh).</li>
 * </ul>
 * The application comes from the environment: {@code JANUA_BENCH_CLIENT_ID}, {@code JANUA_BENCH_CLIENT_SECRET},
 * {@code JANUA_BENCH_REDIRECT_URI} (bench/run.sh {@code oidc} registers it).
 */
final class OidcRoundTrips {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String KC_CLIENT = "bench-cc";
    static final String KC_SECRET = "bench-cc-secret-not-for-production";

    private final HttpClient http;
    private final String base;
    private final String clientId = env("JANUA_BENCH_CLIENT_ID", "");
    private final String redirectUri = env("JANUA_BENCH_REDIRECT_URI", "http://127.0.0.1:9/cb");
    private final String basicAuth;

    OidcRoundTrips(HttpClient http, String base) {
        this.http = http;
        this.base = base;
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + env("JANUA_BENCH_CLIENT_SECRET", "")).getBytes(StandardCharsets.UTF_8));
    }

    static boolean handles(String scenario) {
        return scenario.equals("authcode") || scenario.endsWith("client-credentials");
    }

    /** Signs the person in through the hosted sign-in page: the worker's client keeps the janua_session cookie. */
    void signIn(String email, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/hosted/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) throw new IllegalStateException("no CSRF token on the sign-in page: " + page.statusCode());
        HttpResponse<String> done = http.send(form("/hosted/sign-in", null, "_csrf=" + enc(csrf.group(1)) + "&email=" + enc(email)
                + "&password=" + enc(password)), HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() != 303) throw new IllegalStateException("hosted sign-in answered " + done.statusCode() + ": " + done.body());
    }

    boolean once(String scenario) throws Exception {
        return switch (scenario) {
            case "authcode" -> authorizationCodeRoundTrip();
            case "client-credentials" -> status(form("/oauth2/token", basicAuth, "grant_type=client_credentials")) == 200;
            case "kc-client-credentials" -> status(form("/realms/bench/protocol/openid-connect/token", null,
                    "grant_type=client_credentials&client_id=" + KC_CLIENT + "&client_secret=" + KC_SECRET)) == 200;
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    }

    private boolean authorizationCodeRoundTrip() throws Exception {
        String verifier = random(32);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?response_type=code&scope=openid&client_id=" + enc(clientId) + "&redirect_uri="
                + enc(redirectUri) + "&state=" + random(12) + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + authorize)).GET().build(), HttpResponse.BodyHandlers.discarding());
        String location = r.headers().firstValue("Location").orElse("");
        Matcher code = CODE.matcher(location);
        if (r.statusCode() != 302 || !location.startsWith(redirectUri) || !code.find()) return false;
        HttpResponse<String> token = http.send(form("/oauth2/token", basicAuth, "grant_type=authorization_code&code=" + code.group(1)
                + "&redirect_uri=" + enc(redirectUri) + "&code_verifier=" + verifier), HttpResponse.BodyHandlers.ofString());
        return token.statusCode() == 200 && token.body().contains("\"id_token\"");
    }

    private HttpRequest form(String path, String authorization, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) b.header("Authorization", authorization);
        return b.build();
    }

    private int status(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
