package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.hosted.HostedTestSupport;
import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A relying party in plain HTTP: registers applications, builds authorization requests with PKCE, redeems codes. */
abstract class OidcTestSupport extends HostedTestSupport {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final SecureRandom RANDOM = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record App(String id, String clientId, String secret, List<String> redirectUris) {}

    record Pkce(String verifier, String challenge) {
        static Pkce create() {
            byte[] b = new byte[32];
            RANDOM.nextBytes(b);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(d));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    String adminToken() {
        Api.Response r = api.post("/api/v1/auth/signin", Api.map("email", BOOTSTRAP_ADMIN_EMAIL, "password", BOOTSTRAP_ADMIN_PASSWORD));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return accessToken(r);
    }

    App register(Object... fields) {
        Map<String, Object> body = Api.map(fields);
        body.putIfAbsent("name", "Test app");
        Api.Response r = api.post("/api/v1/applications", body, "Authorization", Api.bearer(adminToken()));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        List<String> redirects = new java.util.ArrayList<>();
        r.json().path("redirectUris").forEach(n -> redirects.add(n.asString()));
        return new App(r.text("/id"), r.text("/clientId"), r.text("/clientSecret"), redirects);
    }

    static String authorizeUrl(App app, String redirectUri, String scope, String state, String nonce, Pkce pkce) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", app.clientId());
        q.put("redirect_uri", redirectUri);
        q.put("scope", scope);
        q.put("state", state);
        if (nonce != null) q.put("nonce", nonce);
        if (pkce != null) {
            q.put("code_challenge", pkce.challenge());
            q.put("code_challenge_method", "S256");
        }
        return "/oauth2/authorize?" + BrowserClient.encode(q);
    }

    static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(url).getRawQuery();
        if (q == null) return out;
        for (String kv : q.split("&")) {
            int i = kv.indexOf('=');
            out.put(URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8),
                    i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** POST to the token endpoint (or introspection, revocation) with client_secret_basic when a secret is given. */
    HttpResponse<String> tokenPost(String path, App app, String secret, Map<String, String> form) {
        return tokenPost(base(), path, app, secret, form);
    }

    /** The same, to the server at {@code serverBase} (another Janua process). */
    HttpResponse<String> tokenPost(String serverBase, String path, App app, String secret, Map<String, String> form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(serverBase + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(BrowserClient.encode(form)));
        if (secret != null) {
            String basic = URLEncoder.encode(app.clientId(), StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> redeem(App app, String secret, String code, String redirectUri, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (secret == null) form.put("client_id", app.clientId());
        if (verifier != null) form.put("code_verifier", verifier);
        return tokenPost("/oauth2/token", app, secret, form);
    }

    HttpResponse<String> getWithBearer(String path, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    /** A browser already signed in (password only) as a fresh user; returns the user id. */
    String signedInBrowser(BrowserClient b, String email) {
        Api.Response up = signUp(email);
        HttpResponse<String> r = submitPassword(b, "/hosted/sign-in", email, PASSWORD);
        assertThat(r.statusCode()).isEqualTo(303);
        return up.text("/user/id");
    }

    /**
     * Drives the browser from the authorization request to the redirect back to the application:
     * signs in if asked (password, then TOTP when enrolled), consents if asked. Returns the final redirect URL.
     */
    String authorizeInBrowser(BrowserClient b, String authorizeUrl, String email, String totpSecret, boolean approve) {
        HttpResponse<String> r = b.get(authorizeUrl);
        for (int hop = 0; hop < 10; hop++) {
            String loc = location(r);
            if (r.statusCode() / 100 == 3 && loc != null && !loc.startsWith("/") && !loc.startsWith(base())) return loc;
            if (r.statusCode() / 100 == 3) {
                r = b.get(loc);
                continue;
            }
            assertThat(r.statusCode()).as(r.body()).isIn(200, 401);
            String body = r.body();
            if (body.contains("action=\"/hosted/sign-in/mfa\"")) {
                r = b.submit(r, "/hosted/sign-in/mfa", Map.of("code", nextCode(totpSecret)));
            } else if (body.contains("action=\"/hosted/sign-in\"")) {
                r = b.submit(r, "/hosted/sign-in", Map.of("email", email, "password", PASSWORD));
            } else if (body.contains("action=\"/oauth2/authorize\"")) {
                Map<String, String> form = BrowserClient.hiddenFields(body, "/oauth2/authorize");
                String fields = BrowserClient.encode(form);
                if (approve) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"scope\"[^>]*value=\"([^\"]+)\"").matcher(body);
                    StringBuilder scopes = new StringBuilder();
                    while (m.find()) scopes.append("&scope=").append(URLEncoder.encode(m.group(1), StandardCharsets.UTF_8));
                    fields += scopes;
                }
                r = postRaw(b, "/oauth2/authorize", fields);
            } else {
                throw new AssertionError("unexpected page:\n" + body);
            }
        }
        throw new AssertionError("too many hops");
    }

    HttpResponse<String> postRaw(BrowserClient b, String path, String encodedForm) {
        // BrowserClient.post takes a map; repeated scope fields need a raw body
        Map<String, String> single = new LinkedHashMap<>();
        for (String kv : encodedForm.split("&")) {
            int i = kv.indexOf('=');
            String k = URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8);
            String v = URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8);
            single.merge(k, v, (a, c) -> a + "\u0000" + c);
        }
        return b.postMulti(path, single);
    }
}
