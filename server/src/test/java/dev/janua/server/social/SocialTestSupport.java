package dev.janua.server.social;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import dev.janua.server.support.IntegrationTest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Shared steps of the social-login tests: provider configuration through the admin API, the browser's hops. */
abstract class SocialTestSupport extends IntegrationTest {
    static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    String adminToken() {
        Api.Response r = api.post("/api/v1/auth/signin", Api.map("email", BOOTSTRAP_ADMIN_EMAIL, "password", BOOTSTRAP_ADMIN_PASSWORD));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return accessToken(r);
    }

    /** Creates or replaces the platform-wide configuration of {@code provider} (tests share one database). */
    JsonNode configure(String provider, Object... fields) {
        String admin = Api.bearer(adminToken());
        Map<String, Object> body = Api.map(fields);
        body.put("provider", provider);
        Api.Response list = api.get("/api/v1/admin/oauth/providers", "Authorization", admin);
        assertThat(list.status()).as(list.raw().body()).isEqualTo(200);
        for (JsonNode p : list.json().path("data")) {
            if (p.path("provider").asString().equals(provider) && p.path("source").asString().equals("admin")) {
                body.remove("provider");
                body.remove("kind");
                Api.Response r = api.patch("/api/v1/admin/oauth/providers/" + p.path("id").asString(), body, "Authorization", admin);
                assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
                return r.json();
            }
        }
        Api.Response r = api.post("/api/v1/admin/oauth/providers", body, "Authorization", admin);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.json();
    }

    /** An application whose redirect URI social login may return to (exact match). */
    String registeredRedirect(String path) {
        String uri = "https://app.example.test/" + path;
        Api.Response r = api.post("/api/v1/applications", Api.map("name", "Social test app", "type", "confidential", "redirectUris", java.util.List.of(uri)),
                "Authorization", Api.bearer(adminToken()));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return uri;
    }

    static HttpResponse<String> plainGet(String url) {
        try {
            return PLAIN.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isIn(302, 303);
        return r.headers().firstValue("Location").orElseThrow();
    }

    static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(url).getRawQuery();
        if (q == null) return out;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A sign-in that went to the provider: the browser (with its binding cookie) and the provider URL. */
    record Started(BrowserClient browser, String providerUrl) {
        Map<String, String> params() {
            return query(providerUrl);
        }
    }

    Started start(String provider, String redirectUri, String state) {
        BrowserClient browser = new BrowserClient("http://localhost:" + port);
        String path = "/api/v1/auth/oauth/" + provider + (redirectUri == null ? "" : "?redirect_uri=" + enc(redirectUri)
                + (state == null ? "" : "&state=" + enc(state)));
        return new Started(browser, location(browser.get(path)));
    }

    /** The provider's callback into Janua in the same browser; answers where Janua sends it next. */
    static String callback(Started s, String callbackUrl) {
        return location(s.browser().get(callbackUrl));
    }

    /** The application's exchange of the code it received. */
    Api.Response exchange(String provider, String appRedirect) {
        Map<String, String> q = query(appRedirect);
        assertThat(q).as(appRedirect).containsKey("code");
        return api.post("/api/v1/auth/oauth/" + provider + "/callback", Api.map("code", q.get("code"), "state", q.get("state")));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
