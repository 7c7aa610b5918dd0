package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Ported conformance checks {@code oidcc-prompt-login}, {@code oidcc-max-age-1}, {@code oidcc-max-age-10000},
 * {@code oidcc-prompt-none-logged-in} with an old sign-in, the RFC 8252 loopback rule of the
 * {@code prompt=none} answer, {@code oidcc-userinfo-post-body} and userinfo for a deleted user.
 */
class OidcReauthenticationIntegrationTest extends OidcTestSupport {
    static final String REDIRECT = "https://reauth.example.com/cb";

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    App app() {
        return register("name", "Reauth RP", "type", "confidential", "redirectUris", List.of(REDIRECT, "http://127.0.0.1/native-cb"),
                "scopes", List.of("openid", "profile", "email"), "firstParty", true);
    }

    /** The authorization request with extra parameters appended. */
    static String authorize(App app, Pkce pkce, String extra) {
        return authorizeUrl(app, REDIRECT, "openid email", "st", "nn", pkce) + extra;
    }

    long authTime(App app, String callback, Pkce pkce) {
        HttpResponse<String> t = redeem(app, app.secret(), query(callback).get("code"), REDIRECT, pkce.verifier());
        assertThat(t.statusCode()).as(t.body()).isEqualTo(200);
        return JSON.readTree(Base64.getUrlDecoder().decode(json(t).path("id_token").asString().split("\\.")[1])).path("auth_time").asLong();
    }

    /** Signs in again on the page the authorization endpoint sent the browser to; returns where the browser lands. */
    String signInAgain(BrowserClient b, HttpResponse<String> toSignIn, String email) {
        String loc = location(toSignIn).replace(base(), "");
        assertThat(loc).startsWith("/hosted/sign-in?reauth=true&return_to=");
        String returnTo = URLDecoder.decode(loc.substring(loc.indexOf("return_to=") + 10), StandardCharsets.UTF_8);
        assertThat(returnTo).startsWith("/oauth2/authorize?").doesNotContain("max_age").doesNotContain("prompt=login");
        HttpResponse<String> page = b.get(loc);
        assertThat(page.statusCode()).as("the form shows although signed in").isEqualTo(200);
        HttpResponse<String> back = b.submit(page, "/hosted/sign-in", Map.of("email", email, "password", PASSWORD));
        assertThat(back.statusCode()).isEqualTo(303);
        HttpResponse<String> code = b.get(location(back));
        return location(code);
    }

    /** A browser signed in as a new person, and the {@code auth_time} of a first code issued to {@code app}. */
    record SignedIn(BrowserClient browser, String email, long authTime) {}

    SignedIn signedInWithACode(App app, String tag) {
        String email = uniqueEmail(tag);
        BrowserClient b = browser();
        signedInBrowser(b, email);
        Pkce pkce = Pkce.create();
        return new SignedIn(b, email, authTime(app, location(b.get(authorize(app, pkce, ""))), pkce));
    }

    @Test
    void promptLoginAlwaysAndMaxAgeWhenTheSignInIsOlderMakeThePersonSignInAgain() {
        App app = app();
        SignedIn s = signedInWithACode(app, "reauth");
        String email = s.email();
        BrowserClient b = s.browser();
        long first = s.authTime();

        // max_age larger than the sign-in's age: no new sign-in, the same auth_time (oidcc-max-age-10000)
        clock.advance(Duration.ofMinutes(10));
        Pkce p2 = Pkce.create();
        HttpResponse<String> young = b.get(authorize(app, p2, "&max_age=10000"));
        assertThat(location(young)).startsWith(REDIRECT + "?code=");
        assertThat(authTime(app, location(young), p2)).isEqualTo(first);

        // max_age smaller: sign in again; auth_time is the new sign-in's (oidcc-max-age-1)
        Pkce p3 = Pkce.create();
        String afterMaxAge = signInAgain(b, b.get(authorize(app, p3, "&max_age=60")), email);
        assertThat(afterMaxAge).startsWith(REDIRECT + "?code=").contains("state=st");
        long second = authTime(app, afterMaxAge, p3);
        assertThat(second).isGreaterThanOrEqualTo(first + 600);

        // prompt=login: always, even for a sign-in seconds old (oidcc-prompt-login)
        clock.advance(Duration.ofMinutes(2));
        Pkce p4 = Pkce.create();
        String afterLogin = signInAgain(b, b.get(authorize(app, p4, "&prompt=login")), email);
        assertThat(authTime(app, afterLogin, p4)).isGreaterThanOrEqualTo(second + 120);

        // not signed in at all, with prompt=login: one sign-in, not two
        BrowserClient fresh = browser();
        Pkce p5 = Pkce.create();
        String once = signInAgain(fresh, fresh.get(authorize(app, p5, "&prompt=login&max_age=0")), email);
        assertThat(once).startsWith(REDIRECT + "?code=");
    }

    /** The authorization request as a form-encoded POST body (OIDC Core §3.1.2.1), with extra parameters. */
    static Map<String, String> authorizeForm(App app, Pkce pkce, String... extra) {
        Map<String, String> form = new java.util.LinkedHashMap<>(query(authorize(app, pkce, "")));
        for (int i = 0; i < extra.length; i += 2) form.put(extra[i], extra[i + 1]);
        return form;
    }

    @Test
    void aPostedAuthorizationRequestWithPromptLoginOrMaxAgeMakesThePersonSignInAgainLikeAGet() {
        App app = app();
        SignedIn signedIn = signedInWithACode(app, "reauth-post");
        BrowserClient b = signedIn.browser();
        String email = signedIn.email();
        // prompt=login in a POST: sign in again, then back to the same request as a GET
        clock.advance(Duration.ofMinutes(10));
        Pkce p2 = Pkce.create();
        String afterLogin = signInAgain(b, b.post("/oauth2/authorize", authorizeForm(app, p2, "prompt", "login")), email);
        assertThat(afterLogin).startsWith(REDIRECT + "?code=").contains("state=st");
        long second = authTime(app, afterLogin, p2);
        assertThat(second).isGreaterThanOrEqualTo(signedIn.authTime() + 600);

        // max_age smaller than the sign-in's age in a POST: sign in again too
        clock.advance(Duration.ofMinutes(2));
        Pkce p3 = Pkce.create();
        String afterMaxAge = signInAgain(b, b.post("/oauth2/authorize", authorizeForm(app, p3, "max_age", "60")), email);
        assertThat(afterMaxAge).startsWith(REDIRECT + "?code=").contains("state=st");
        assertThat(authTime(app, afterMaxAge, p3)).isGreaterThanOrEqualTo(second + 120);

        // a young enough sign-in: the POST issues the code at once
        Pkce p4 = Pkce.create();
        assertThat(location(b.post("/oauth2/authorize", authorizeForm(app, p4, "max_age", "3600")))).startsWith(REDIRECT + "?code=");

        // a cross-site POST comes without the session cookie (SameSite=Lax): 303 to the same request as a GET,
        // which the browser sends with it, so even prompt=none sees the sign-in
        Pkce p5 = Pkce.create();
        HttpResponse<String> crossSite = browser().post("/oauth2/authorize", authorizeForm(app, p5, "prompt", "none", "max_age", "3600"));
        assertThat(crossSite.statusCode()).isEqualTo(303);
        assertThat(query(location(crossSite))).isEqualTo(authorizeForm(app, p5, "prompt", "none", "max_age", "3600"));
        assertThat(location(b.get(location(crossSite)))).startsWith(REDIRECT + "?code=").contains("state=st");

        // not signed in: the sign-in page returns to the posted request as a GET with its parameters
        BrowserClient fresh = browser();
        HttpResponse<String> asGet = fresh.post("/oauth2/authorize", authorizeForm(app, Pkce.create()));
        assertThat(asGet.statusCode()).isEqualTo(303);
        String loc = location(fresh.get(location(asGet))).replace(base(), "");
        assertThat(loc).startsWith("/hosted/sign-in?return_to=");
        assertThat(URLDecoder.decode(loc, StandardCharsets.UTF_8)).contains("client_id=" + app.clientId()).contains("state=st");
        HttpResponse<String> back = fresh.submit(fresh.get(loc), "/hosted/sign-in", Map.of("email", email, "password", PASSWORD));
        assertThat(location(fresh.get(location(back)))).startsWith(REDIRECT + "?code=").contains("state=st");
    }

    @Test
    void promptLoginForAnUnknownClientGetsTheAuthorizationEndpointsErrorNotTheSignInPage() {
        App app = app();
        BrowserClient b = browser();
        signedInBrowser(b, uniqueEmail("reauth-unknown"));
        String unknown = authorize(app, Pkce.create(), "&prompt=login").replace(app.clientId(), "app_unknown");
        HttpResponse<String> get = b.get(unknown);
        assertThat(get.statusCode()).as(location(get)).isEqualTo(400);
        assertThat(location(get)).isNull();
        Map<String, String> form = authorizeForm(app, Pkce.create(), "prompt", "login", "client_id", "app_unknown");
        HttpResponse<String> post = b.post("/oauth2/authorize", form);
        assertThat(post.statusCode()).as(location(post)).isEqualTo(400);
        assertThat(location(post)).isNull();
    }

    @Test
    void promptNoneWithAnOldSignInAnswersLoginRequiredToARegisteredRedirectOnly() {
        App app = app();
        String email = uniqueEmail("reauth-none");
        BrowserClient b = browser();
        signedInBrowser(b, email);
        clock.advance(Duration.ofMinutes(5));
        // a sign-in young enough: prompt=none issues the code
        assertThat(location(b.get(authorize(app, Pkce.create(), "&prompt=none&max_age=3600")))).startsWith(REDIRECT + "?code=");
        // too old: login_required, to the registered redirect URI, with the state
        String old = location(b.get(authorize(app, Pkce.create(), "&prompt=none&max_age=60")));
        assertThat(old).startsWith(REDIRECT + "?error=login_required").contains("state=st").doesNotContain("code=");
        int refused = 0;
        // too old and an unregistered redirect URI: the error page, no redirect
        for (String bad : List.of("https://evil.example/cb", REDIRECT + "/", "https://reauth.example.com/cb?x=1")) {
            HttpResponse<String> r = b.get(authorizeUrl(app, bad, "openid", "st", null, Pkce.create()) + "&prompt=none&max_age=60");
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(location(r)).isNull();
            refused++;
        }
        assertThat(refused).isEqualTo(3);
    }

    @Test
    void promptNoneAnswersLoginRequiredToALoopbackRedirectOnAnyPortLikeTheAuthorizationEndpoint() {
        App app = app();
        BrowserClient b = browser();
        String ok = location(b.get(authorizeUrl(app, "http://127.0.0.1:5555/native-cb", "openid", "lb", null, Pkce.create()) + "&prompt=none"));
        assertThat(ok).startsWith("http://127.0.0.1:5555/native-cb?error=login_required").contains("state=lb");
        int refused = 0;
        // not the loopback IP of the registration, a name instead of an IP, another path, an added query, https: the error page
        for (String bad : List.of("http://127.0.0.2:5555/native-cb", "http://localhost:5555/native-cb", "http://127.0.0.1:5555/other",
                "http://127.0.0.1:5555/native-cb?x=1", "https://127.0.0.1:5555/native-cb", "http://127.0.0.1.evil.example:5555/native-cb",
                "http://user@127.0.0.1:5555/native-cb")) {
            HttpResponse<String> r = b.get(authorizeUrl(app, bad, "openid", "lb", null, Pkce.create()) + "&prompt=none");
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(location(r)).as(bad).isNull();
            refused++;
        }
        assertThat(refused).isEqualTo(7);
    }

    @Test
    void userinfoTakesTheAccessTokenFromAPostBodyAndRefusesADeletedUsersToken() {
        App app = app();
        String email = uniqueEmail("userinfo-body");
        BrowserClient b = browser();
        String userId = signedInBrowser(b, email);
        Pkce pkce = Pkce.create();
        HttpResponse<String> t = redeem(app, app.secret(), query(location(b.get(authorize(app, pkce, "")))).get("code"), REDIRECT,
                pkce.verifier());
        String access = json(t).path("access_token").asString();

        // oidcc-userinfo-post-body (RFC 6750 §2.2)
        HttpResponse<String> body = send(HttpRequest.newBuilder(URI.create(base() + "/userinfo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("access_token=" + access)));
        assertThat(body.statusCode()).as(body.body()).isEqualTo(200);
        assertThat(json(body).path("email").asString()).isEqualTo(email);
        int refused = 0;
        // both a header and a body token (RFC 6750 §2: one method only), a token in the query, a made-up body token
        HttpResponse<String> both = send(HttpRequest.newBuilder(URI.create(base() + "/userinfo")).header("Authorization", "Bearer " + access)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("access_token=" + access)));
        assertThat(both.statusCode()).isEqualTo(400);
        refused++;
        assertThat(send(HttpRequest.newBuilder(URI.create(base() + "/userinfo?access_token=" + access)).GET()).statusCode()).isEqualTo(401);
        refused++;
        assertThat(send(HttpRequest.newBuilder(URI.create(base() + "/userinfo")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("access_token=eyJmade.up.token"))).statusCode()).isEqualTo(401);
        refused++;
        // a form token is not a credential anywhere else: the introspection endpoint still wants the client's
        assertThat(send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/introspect")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + access + "&access_token=" + access))).statusCode()).isEqualTo(401);
        refused++;

        // the user is deleted: the token describes no one → 401 invalid_token, not 200 with a bare sub
        Api.Response deleted = api.delete("/api/v1/users/" + userId, null, "Authorization", Api.bearer(adminToken()));
        assertThat(deleted.status()).as(deleted.raw().body()).isIn(200, 204);
        HttpResponse<String> gone = getWithBearer("/userinfo", access);
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(401);
        refused++;
        assertThat(refused).isEqualTo(5);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
