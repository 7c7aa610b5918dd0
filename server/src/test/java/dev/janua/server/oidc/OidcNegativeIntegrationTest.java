package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The negative suites of the OpenID Provider, counted: redirect URI near-misses, PKCE, authorization
 * code misuse, client authentication, application API validation. Each reports how many cases it
 * tried and asserts that none was accepted.
 */
class OidcNegativeIntegrationTest extends OidcTestSupport {
    static final String HOST = "app.example.com";
    static final String REDIRECT = "https://" + HOST + "/callback";

    @Test
    void noMutationOfARegisteredRedirectUriIsEverRedirectedTo() {
        App app = register("type", "confidential", "redirectUris", List.of(REDIRECT));
        App loopbackApp = register("type", "public", "redirectUris", List.of("http://127.0.0.1/callback"));
        BrowserClient b = browser();
        signedInBrowser(b, uniqueEmail("oidc-mutations"));
        List<String> mutations = RedirectUriMutations.of(HOST);
        List<String> accepted = new ArrayList<>();
        int tried = 0;
        for (String mutated : mutations) {
            for (BrowserClient who : List.of(b, browser())) { // signed in, and not
                HttpResponse<String> r = who.get(authorizeUrl(app, mutated, "openid", "s", null, Pkce.create()));
                tried++;
                String loc = location(r);
                boolean redirectedAway = loc != null && !loc.startsWith("/hosted/") && !loc.startsWith(base() + "/hosted/");
                if (redirectedAway || r.statusCode() != 400 && r.statusCode() != 302) accepted.add(r.statusCode() + " " + mutated + " -> " + loc);
            }
        }
        // loopback redirect URIs: any port is allowed (RFC 8252 §7.3), nothing else
        for (String mutated : List.of("http://127.0.0.1/Callback", "http://127.0.0.1:8080/callback/", "http://127.0.0.2/callback",
                "http://localhost/callback", "http://127.0.0.1/callback?x=1", "http://127.0.0.1/callback#x", "https://127.0.0.1/callback",
                "http://127.0.0.1@evil.example/callback", "http://evil.example@127.0.0.1:1234/callback", "http://[::1]/callback",
                "http://127.0.0.1:8080/../callback", "http://127.0.0.1.evil.example/callback", "http://0x7f000001/callback",
                "http://2130706433/callback", "http://127.1/callback")) {
            HttpResponse<String> r = b.get(authorizeUrl(loopbackApp, mutated, "openid", "s", null, Pkce.create()));
            tried++;
            String loc = location(r);
            if (loc != null && !loc.startsWith("/hosted/")) accepted.add(r.statusCode() + " " + mutated + " -> " + loc);
        }
        System.out.printf("redirect URI mutations: %d distinct, %d requests, %d accepted%n", mutations.size(), tried, accepted.size());
        assertThat(mutations.size()).isGreaterThanOrEqualTo(300);
        assertThat(accepted).isEmpty();
        // the registered URI itself, and a loopback one on another port, do work
        assertThat(location(b.get(authorizeUrl(app, REDIRECT, "openid", "s", null, Pkce.create())))).startsWith(REDIRECT + "?code=");
        assertThat(location(b.get(authorizeUrl(loopbackApp, "http://127.0.0.1:53124/callback", "openid", "s", null, Pkce.create()))))
                .startsWith("http://127.0.0.1:53124/callback?code=");
    }

    @Test
    void pkceIsRequiredAndOnlyS256WithTheRightVerifier() {
        App pub = register("type", "public", "redirectUris", List.of(REDIRECT), "firstParty", true);
        App conf = register("type", "confidential", "redirectUris", List.of(REDIRECT), "firstParty", true);
        BrowserClient b = browser();
        signedInBrowser(b, uniqueEmail("oidc-pkce"));
        int cases = 0;
        for (App app : List.of(pub, conf)) {
            // no code_challenge: refused (error sent back to the verified redirect URI, no code)
            Map<String, String> q = query(location(b.get(authorizeUrl(app, REDIRECT, "openid", "s", null, null))));
            assertThat(q).containsEntry("error", "invalid_request").doesNotContainKey("code");
            cases++;
            // code_challenge_method=plain: refused
            String plain = authorizeUrl(app, REDIRECT, "openid", "s", null, null) + "&code_challenge=" + "a".repeat(43)
                    + "&code_challenge_method=plain";
            assertThat(query(location(b.get(plain)))).containsEntry("error", "invalid_request").doesNotContainKey("code");
            cases++;
            // unknown method: refused
            String odd = authorizeUrl(app, REDIRECT, "openid", "s", null, null) + "&code_challenge=" + "a".repeat(43)
                    + "&code_challenge_method=S512";
            assertThat(query(location(b.get(odd)))).doesNotContainKey("code");
            cases++;
            String secret = app == conf ? conf.secret() : null;
            Pkce pkce = Pkce.create();
            // wrong verifier, then missing verifier: the code is refused; the right verifier afterwards too (one attempt spends it)
            String code = query(location(b.get(authorizeUrl(app, REDIRECT, "openid", "s", null, pkce)))).get("code");
            assertThat(redeem(app, secret, code, REDIRECT, Pkce.create().verifier()).statusCode()).isEqualTo(400);
            cases++;
            String code2 = query(location(b.get(authorizeUrl(app, REDIRECT, "openid", "s", null, pkce)))).get("code");
            assertThat(redeem(app, secret, code2, REDIRECT, null).statusCode()).isIn(400, 401);
            cases++;
            String code3 = query(location(b.get(authorizeUrl(app, REDIRECT, "openid", "s", null, pkce)))).get("code");
            assertThat(redeem(app, secret, code3, REDIRECT, pkce.verifier() + "x").statusCode()).isEqualTo(400);
            cases++;
            String code4 = query(location(b.get(authorizeUrl(app, REDIRECT, "openid", "s", null, pkce)))).get("code");
            assertThat(redeem(app, secret, code4, REDIRECT, pkce.challenge()).statusCode()).as("the challenge is not the verifier").isEqualTo(400);
            cases++;
        }
        System.out.printf("PKCE negative cases: %d, accepted 0%n", cases);
    }

    @Test
    void aCodeWorksOnceAndItsSecondUseRevokesWhatTheFirstIssued() {
        App app = register("type", "confidential", "redirectUris", List.of(REDIRECT), "firstParty", true);
        BrowserClient b = browser();
        signedInBrowser(b, uniqueEmail("oidc-replay"));
        Pkce pkce = Pkce.create();
        String code = query(location(b.get(authorizeUrl(app, REDIRECT, "openid", "s", null, pkce)))).get("code");
        HttpResponse<String> first = redeem(app, app.secret(), code, REDIRECT, pkce.verifier());
        assertThat(first.statusCode()).isEqualTo(200);
        String access = json(first).path("access_token").asString();
        String refresh = json(first).path("refresh_token").asString();
        HttpResponse<String> second = redeem(app, app.secret(), code, REDIRECT, pkce.verifier());
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(json(second).path("error").asString()).isEqualTo("invalid_grant");
        assertThat(json(tokenPost("/oauth2/introspect", app, app.secret(), Map.of("token", access))).path("active").asBoolean()).isFalse();
        assertThat(tokenPost("/oauth2/token", app, app.secret(), Map.of("grant_type", "refresh_token", "refresh_token", refresh))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void codesAreBoundToTheirClientRedirectUriAndExpiry() {
        App a = register("type", "confidential", "redirectUris", List.of(REDIRECT), "firstParty", true);
        App other = register("type", "confidential", "redirectUris", List.of(REDIRECT), "firstParty", true);
        App pub = register("type", "public", "redirectUris", List.of(REDIRECT), "firstParty", true);
        BrowserClient b = browser();
        signedInBrowser(b, uniqueEmail("oidc-binding"));
        int cases = 0;
        Pkce pkce = Pkce.create();
        String code = query(location(b.get(authorizeUrl(a, REDIRECT, "openid", "s", null, pkce)))).get("code");
        assertThat(redeem(other, other.secret(), code, REDIRECT, pkce.verifier()).statusCode()).as("another client").isEqualTo(400);
        cases++;
        code = query(location(b.get(authorizeUrl(a, REDIRECT, "openid", "s", null, pkce)))).get("code");
        assertThat(redeem(pub, null, code, REDIRECT, pkce.verifier()).statusCode()).as("a public client").isIn(400, 401);
        cases++;
        code = query(location(b.get(authorizeUrl(a, REDIRECT, "openid", "s", null, pkce)))).get("code");
        assertThat(redeem(a, a.secret(), code, REDIRECT + "/other", pkce.verifier()).statusCode()).as("another redirect_uri").isEqualTo(400);
        cases++;
        code = query(location(b.get(authorizeUrl(a, REDIRECT, "openid", "s", null, pkce)))).get("code");
        assertThat(redeem(a, "jcs_not_the_secret", code, REDIRECT, pkce.verifier()).statusCode()).as("wrong secret").isEqualTo(401);
        cases++;
        assertThat(redeem(a, null, code, REDIRECT, pkce.verifier()).statusCode()).as("confidential client without its secret").isEqualTo(401);
        cases++;
        code = query(location(b.get(authorizeUrl(a, REDIRECT, "openid", "s", null, pkce)))).get("code");
        expire(code); // the server's own code lifetime (1 minute) is checked against real time: age the stored code instead
        assertThat(redeem(a, a.secret(), code, REDIRECT, pkce.verifier()).statusCode()).as("expired code").isEqualTo(400);
        cases++;
        assertThat(redeem(a, a.secret(), "made-up-code", REDIRECT, pkce.verifier()).statusCode()).isEqualTo(400);
        cases++;
        System.out.printf("code binding negative cases: %d, accepted 0%n", cases);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService authorizations;

    private void expire(String code) {
        var type = new org.springframework.security.oauth2.server.authorization.OAuth2TokenType("code");
        var a = authorizations.findByToken(code, type);
        java.time.Instant past = java.time.Instant.now().minusSeconds(120);
        authorizations.save(org.springframework.security.oauth2.server.authorization.OAuth2Authorization.from(a)
                .token(new org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode(code, past, past.plusSeconds(60)))
                .build());
    }

    @Test
    void unknownClientsAndDeletedOrRotatedApplicationsAreRefused() {
        HttpResponse<String> unknown = browser().get("/oauth2/authorize?response_type=code&client_id=app_nope&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&scope=openid&state=s&code_challenge=" + Pkce.create().challenge()
                + "&code_challenge_method=S256");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(location(unknown)).isNull();
        assertThat(unknown.body()).contains("<html").contains("not registered");

        App machine = register("type", "machine");
        Map<String, String> cc = Map.of("grant_type", "client_credentials");
        assertThat(tokenPost("/oauth2/token", machine, machine.secret(), cc).statusCode()).isEqualTo(200);
        Api.Response rotated = api.post("/api/v1/applications/" + machine.id() + "/rotate-secret", null, "Authorization", Api.bearer(adminToken()));
        String newSecret = rotated.text("/clientSecret");
        assertThat(newSecret).startsWith("jcs_").isNotEqualTo(machine.secret());
        assertThat(tokenPost("/oauth2/token", machine, machine.secret(), cc).statusCode()).as("old secret").isEqualTo(401);
        assertThat(tokenPost("/oauth2/token", machine, newSecret, cc).statusCode()).isEqualTo(200);
        assertThat(api.delete("/api/v1/applications/" + machine.id(), null, "Authorization", Api.bearer(adminToken())).status()).isEqualTo(200);
        assertThat(tokenPost("/oauth2/token", machine, newSecret, cc).statusCode()).as("deleted").isEqualTo(401);
    }

    @Test
    void applicationsApiIsForPlatformAdminsAndValidatesEveryField() {
        String admin = adminToken();
        Api.Response user = signUp(uniqueEmail("oidc-notadmin"));
        assertThat(api.post("/api/v1/applications", Api.map("name", "x", "type", "public", "redirectUris", List.of(REDIRECT)),
                "Authorization", Api.bearer(accessToken(user))).errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(api.get("/api/v1/applications").status()).isEqualTo(401);
        List<Map<String, Object>> invalid = List.of(
                Api.map("type", "public", "redirectUris", List.of(REDIRECT)),
                Api.map("name", "x", "redirectUris", List.of(REDIRECT)),
                Api.map("name", "x", "type", "robot", "redirectUris", List.of(REDIRECT)),
                Api.map("name", "x", "type", "public"),
                Api.map("name", "x", "type", "public", "redirectUris", List.of("http://app.example.com/callback")),
                Api.map("name", "x", "type", "public", "redirectUris", List.of("https://app.example.com/callback#frag")),
                Api.map("name", "x", "type", "public", "redirectUris", List.of("https://user@app.example.com/callback")),
                Api.map("name", "x", "type", "public", "redirectUris", List.of("/callback")),
                Api.map("name", "x", "type", "public", "redirectUris", List.of("javascript:alert(1)")),
                Api.map("name", "x", "type", "public", "redirectUris", List.of("HTTPS://app.example.com/callback")),
                Api.map("name", "x", "type", "public", "redirectUris", List.of("https://app.example.com/callback"), "grantTypes", List.of("refresh_token")),
                Api.map("name", "x", "type", "public", "redirectUris", List.of(REDIRECT), "grantTypes", List.of("client_credentials")),
                Api.map("name", "x", "type", "machine", "grantTypes", List.of("authorization_code")),
                Api.map("name", "x", "type", "machine", "grantTypes", List.of("password")),
                Api.map("name", "x", "type", "confidential", "redirectUris", List.of(REDIRECT), "grantTypes", List.of("implicit")),
                Api.map("name", "x", "type", "confidential", "redirectUris", List.of(REDIRECT), "accessTokenTtlSeconds", 5),
                Api.map("name", "x", "type", "confidential", "redirectUris", List.of(REDIRECT), "scopes", List.of("bad scope\"")),
                Api.map("name", "", "type", "confidential", "redirectUris", List.of(REDIRECT)));
        for (Map<String, Object> body : invalid) {
            Api.Response r = api.post("/api/v1/applications", body, "Authorization", Api.bearer(admin));
            assertThat(r.status()).as(body.toString()).isEqualTo(422);
            assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
        }
        System.out.printf("application validation negative cases: %d, accepted 0%n", invalid.size());

        Api.Response created = api.post("/api/v1/applications", Api.map("name", "Native", "type", "public",
                "redirectUris", List.of("com.example.app:/oauth/callback", "http://127.0.0.1/callback")), "Authorization", Api.bearer(admin));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().has("clientSecret")).as("public apps have no secret").isFalse();
        String id = created.text("/id");
        Api.Response got = api.get("/api/v1/applications/" + id, "Authorization", Api.bearer(admin));
        assertThat(got.text("/name")).isEqualTo("Native");
        assertThat(got.json().has("clientSecret")).isFalse();
        Api.Response patched = api.patch("/api/v1/applications/" + id, Api.map("name", "Native 2", "firstParty", true), "Authorization", Api.bearer(admin));
        assertThat(patched.text("/name")).isEqualTo("Native 2");
        assertThat(patched.json().path("firstParty").asBoolean()).isTrue();
        assertThat(api.patch("/api/v1/applications/" + id, Api.map("type", "confidential"), "Authorization", Api.bearer(admin)).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/applications/" + id + "/rotate-secret", null, "Authorization", Api.bearer(admin)).status()).isEqualTo(422);
        Api.Response list = api.get("/api/v1/applications?limit=100", "Authorization", Api.bearer(admin));
        assertThat(list.raw().body()).contains(id);
        assertThat(api.get("/api/v1/applications/app_missing", "Authorization", Api.bearer(admin)).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type LIKE 'oidc.application_%' AND subject_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(2);
        Map<String, Object> unused = new LinkedHashMap<>();
        assertThat(unused).isEmpty();
    }
}
