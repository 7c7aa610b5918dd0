package dev.janua.server.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hosted sign-in over real HTTP: pages, cookie, CSRF, MFA step, sessions shared with the API, sign-out, languages. */
class HostedSignInIntegrationTest extends HostedTestSupport {

    @Test
    void signInPageIsHtmlWithCsrfTokenAndStrictHeaders() {
        HttpResponse<String> page = browser().get("/hosted/sign-in");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(BrowserClient.hiddenFields(page.body(), "/hosted/sign-in")).containsKey("_csrf");
        assertThat(page.body()).contains("<label for=\"email\"").contains("<label for=\"password\"").doesNotContain("<script");
        assertThat(browser().get("/hosted/assets/janua.css").body()).contains("--janua-primary");
    }

    @Test
    void passwordSignInStartsAnOrdinarySessionListedAtTheApiAndTheCookieIsHttpOnlyLax() {
        String email = uniqueEmail("hosted");
        Api.Response up = signUp(email);
        BrowserClient b = browser();
        HttpResponse<String> r = submitPassword(b, "/hosted/sign-in", email, PASSWORD);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(location(r)).isEqualTo("/hosted/account");
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("janua_session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        String secret = b.cookie("janua_session");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM browser_sessions WHERE secret_hash = :h").param("h", secret)
                .query(Long.class).single()).as("only the hash is stored").isZero();

        HttpResponse<String> account = b.follow(r);
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(email);

        String sessionId = browserSessionId(up.text("/user/id"));
        Api.Response sessions = api.get("/api/v1/sessions", "Authorization", Api.bearer(accessToken(up)));
        assertThat(sessions.raw().body()).contains(sessionId);

        // revoking it through the API ends the browser's sign-in at once
        assertThat(api.delete("/api/v1/sessions/" + sessionId, null, "Authorization", Api.bearer(accessToken(up))).status()).isLessThan(300);
        HttpResponse<String> after = b.get("/hosted/account");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(location(after)).startsWith("/hosted/sign-in");
    }

    @Test
    void wrongPasswordsAreCountedByTheSameLockoutAsTheApi() {
        String email = uniqueEmail("hosted-lock");
        signUp(email);
        BrowserClient b = browser();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = submitPassword(b, "/hosted/sign-in", email, "wrong password " + i);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("role=\"alert\"").contains("Invalid email or password");
        }
        HttpResponse<String> fifth = submitPassword(b, "/hosted/sign-in", email, "wrong password 5");
        assertThat(fifth.statusCode()).isEqualTo(423);
        // the API sees the same lock, even with the right password
        Api.Response api5 = api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD));
        assertThat(api5.errorCode()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(submitPassword(browser(), "/hosted/sign-in", email, PASSWORD).statusCode()).isEqualTo(423);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        String email = uniqueEmail("hosted-csrf");
        signUp(email);
        BrowserClient b = browser();
        b.get("/hosted/sign-in");
        int refused = 0;
        for (Map<String, String> form : java.util.List.of(
                Map.of("email", email, "password", PASSWORD),
                Map.of("email", email, "password", PASSWORD, "_csrf", "forged"),
                Map.of("email", email, "password", PASSWORD, "_csrf", ""))) {
            HttpResponse<String> r = b.post("/hosted/sign-in", form);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("This form has expired");
            refused++;
        }
        assertThat(b.cookie("janua_session")).isNull();
        // and on every other form: MFA step, sign-out, session revoke
        for (String action : java.util.List.of("/hosted/sign-in/mfa", "/hosted/sign-out", "/hosted/account/sessions/sess_x/revoke")) {
            assertThat(b.post(action, Map.of("mfa_token", "tmp_x", "code", "123456")).statusCode()).as(action).isEqualTo(403);
            refused++;
        }
        assertThat(refused).isEqualTo(6);
    }

    @Test
    void mfaStepThenSessionWithOtpInAmr() {
        Enrolled user = enrolledUser("hosted-mfa");
        BrowserClient b = browser();
        HttpResponse<String> mfa = submitPassword(b, "/hosted/sign-in", user.email(), PASSWORD);
        assertThat(mfa.statusCode()).isEqualTo(200);
        assertThat(mfa.body()).contains("Two-step verification").contains("name=\"mfa_token\"");
        assertThat(b.cookie("janua_session")).isNull();

        HttpResponse<String> wrong = b.submit(mfa, "/hosted/sign-in/mfa", Map.of("code", "000000"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(b.cookie("janua_session")).isNull();

        HttpResponse<String> ok = b.submit(wrong, "/hosted/sign-in/mfa", Map.of("code", nextCode(user.secret())));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
        assertThat(b.cookie("janua_session")).isNotNull();
        assertThat(jdbc.sql("SELECT amr FROM browser_sessions WHERE user_id = :u").param("u", user.userId())
                .query(String.class).single()).isEqualTo("pwd otp mfa");
    }

    @Test
    void backupCodeAlsoPassesTheSecondStep() {
        Enrolled user = enrolledUser("hosted-backup");
        BrowserClient b = browser();
        HttpResponse<String> mfa = submitPassword(b, "/hosted/sign-in", user.email(), PASSWORD);
        Map<String, String> form = BrowserClient.hiddenFields(mfa.body(), "/hosted/sign-in/mfa");
        form.put("method", "backup_code");
        form.put("code", user.backupCodes().getFirst());
        HttpResponse<String> ok = b.post("/hosted/sign-in/mfa", form);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
    }

    @Test
    void signOutAsksFirstThenEndsTheSessionEverywhere() {
        String email = uniqueEmail("hosted-out");
        Api.Response up = signUp(email);
        BrowserClient b = browser();
        submitPassword(b, "/hosted/sign-in", email, PASSWORD);
        String sessionId = browserSessionId(up.text("/user/id"));
        HttpResponse<String> confirm = b.get("/hosted/sign-out");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(b.get("/hosted/account").statusCode()).as("a GET signs nobody out").isEqualTo(200);
        HttpResponse<String> out = b.submit(confirm, "/hosted/sign-out", Map.of());
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.body()).contains("You are signed out");
        assertThat(jdbc.sql("SELECT revoked_reason FROM sessions WHERE id = :id").param("id", sessionId).query(String.class).single())
                .isEqualTo("signout");
        assertThat(b.get("/hosted/account").statusCode()).isEqualTo(303);
    }

    @Test
    void accountPageRevokesAnotherOfTheUsersSessionsButNotSomeoneElses() {
        String email = uniqueEmail("hosted-acct");
        Api.Response up = signUp(email); // the API session
        String apiSession = up.text("/session/id");
        BrowserClient b = browser();
        submitPassword(b, "/hosted/sign-in", email, PASSWORD);
        HttpResponse<String> account = b.get("/hosted/account");
        assertThat(account.body()).contains(apiSession);
        Api.Response other = signUp(uniqueEmail("hosted-other"));
        String otherSession = other.text("/session/id");
        b.post("/hosted/account/sessions/" + otherSession + "/revoke", BrowserClient.hiddenFields(account.body(),
                "/hosted/account/sessions/" + apiSession + "/revoke"));
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM sessions WHERE id = :id").param("id", otherSession)
                .query(Boolean.class).single()).as("someone else's session is untouched").isTrue();
        HttpResponse<String> r = b.submit(account, "/hosted/account/sessions/" + apiSession + "/revoke", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(up))).errorCode()).isEqualTo("SESSION_EXPIRED");
    }

    @Test
    void pagesFollowAcceptLanguageAndLangOverridesIt() {
        assertThat(browser().acceptLanguage("de-DE,de;q=0.9").get("/hosted/sign-in").body()).contains("Anmelden").contains("lang=\"de\"");
        assertThat(browser().acceptLanguage("es").get("/hosted/sign-in").body()).contains("Iniciar sesión");
        BrowserClient b = browser().acceptLanguage("de");
        assertThat(b.get("/hosted/sign-in?lang=fr").body()).contains("Connexion").contains("lang=\"fr\"");
        assertThat(b.get("/hosted/sign-in").body()).as("the choice is remembered").contains("Connexion");
        assertThat(browser().get("/hosted/sign-in?lang=xx").body()).contains("Sign in");
    }

    @Test
    void languageLinksSwitchTheSamePageKeepingItsParameters() {
        String page = browser().get("/hosted/reset-password?token=abc%26def&lang=de").body();
        assertThat(page).as("the token stays, lang is replaced").contains("href=\"?token=abc%26def&amp;lang=fr\"");
        String authorize = "/hosted/sign-in?return_to=" + java.net.URLEncoder.encode("/oauth2/authorize?client_id=x&scope=openid", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(browser().get(authorize).body()).contains("href=\"?return_to=%2Foauth2%2Fauthorize%3Fclient_id%3Dx%26scope%3Dopenid&amp;lang=es\"");
        assertThat(browser().get("/hosted/verify-email?token=spent-or-not").body())
                .as("a link that spends its token on GET is not replayed").contains("href=\"?lang=fr\"");
    }

    @Test
    void returnToAcceptsOnlyLocalProtocolAndHostedPaths() {
        String email = uniqueEmail("hosted-return");
        signUp(email);
        int refused = 0;
        for (String evil : java.util.List.of("https://evil.example/x", "//evil.example/x", "/\\evil.example", "/%2F%2Fevil.example",
                "http:/evil.example", "/hosted/../api/v1/users", "/oauth2/authorize/../../x", "javascript:alert(1)",
                "/api/v1/auth/me", " /hosted/account", "/hosted/%2e%2e/x")) {
            BrowserClient b = browser();
            HttpResponse<String> r = submitPassword(b, "/hosted/sign-in?return_to=" + java.net.URLEncoder.encode(evil,
                    java.nio.charset.StandardCharsets.UTF_8), email, PASSWORD);
            assertThat(location(r)).as(evil).isEqualTo("/hosted/account");
            refused++;
        }
        assertThat(refused).isEqualTo(11);
    }
}
