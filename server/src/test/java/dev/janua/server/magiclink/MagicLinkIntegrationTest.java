package dev.janua.server.magiclink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.mfa.domain.Base32;
import dev.janua.server.mfa.domain.Totp;
import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.support.TestMail;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Magic links through a real SMTP server (GreenMail): send, verify by POST and by GET, reuse, expiry, quota. */
class MagicLinkIntegrationTest extends IntegrationTest {
    private static final Pattern TOKEN = Pattern.compile("token=(mlt_[A-Za-z0-9_-]+)");

    private String sendAndReadToken(String email, Object... extra) {
        Object[] kv = new Object[2 + extra.length];
        kv[0] = "email";
        kv[1] = email;
        System.arraycopy(extra, 0, kv, 2, extra.length);
        Api.Response r = api.post("/api/v1/auth/magic-link/send", Api.map(kv));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return TestMail.awaitToken(email, "sign-in link", TOKEN);
    }

    @Test
    void anEmailedLinkSignsInOnceByPost() {
        String email = uniqueEmail("ml");
        String userId = signUp(email).text("/user/id");
        String token = sendAndReadToken(email);
        Api.Response in = api.post("/api/v1/auth/magic-link/verify", Api.map("token", token));
        assertThat(in.status()).as(in.raw().body()).isEqualTo(200);
        assertThat(in.text("/user/id")).isEqualTo(userId);
        assertThat(in.json().at("/user/emailVerified").asBoolean()).as("the link proves the email").isTrue();
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(in))).status()).isEqualTo(200);
        Api.Response reuse = api.post("/api/v1/auth/magic-link/verify", Api.map("token", token));
        assertThat(reuse.errorCode()).isEqualTo("TOKEN_INVALID_OR_EXPIRED");
        String method = jdbc.sql("SELECT auth_method FROM sessions WHERE id = :id").param("id", in.text("/session/id")).query(String.class).single();
        assertThat(method).isEqualTo("magic_link");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = 'magic_link.sent' AND subject_id = :u")
                .param("u", userId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void linksExpireAfterFifteenMinutesOrSoonerWhenAsked() {
        // one email per case: the mail server is asynchronous, so each wait must have one message to find
        String email = uniqueEmail("ml-exp");
        signUp(email);
        String token = sendAndReadToken(email);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(api.post("/api/v1/auth/magic-link/verify", Api.map("token", token)).errorCode()).isEqualTo("TOKEN_INVALID_OR_EXPIRED");
        clock.reset();

        String longEmail = uniqueEmail("ml-exp-long");
        signUp(longEmail);
        String longAsked = sendAndReadToken(longEmail, "expiresIn", 3600);
        clock.advance(Duration.ofMinutes(16));
        assertThat(api.post("/api/v1/auth/magic-link/verify", Api.map("token", longAsked)).errorCode())
                .as("a request cannot lengthen the link").isEqualTo("TOKEN_INVALID_OR_EXPIRED");
        clock.reset();

        String shortEmail = uniqueEmail("ml-exp-short");
        signUp(shortEmail);
        Api.Response shortSend = api.post("/api/v1/auth/magic-link", Api.map("email", shortEmail, "expires_in", 120));
        assertThat(Duration.between(java.time.Instant.now(), java.time.Instant.parse(shortSend.text("/expiresAt"))).toSeconds()).isBetween(100L, 125L);
        String shortToken = TestMail.awaitToken(shortEmail, "sign-in link", TOKEN);
        clock.advance(Duration.ofMinutes(3));
        assertThat(api.post("/api/v1/auth/magic-link/verify", Api.map("token", shortToken)).errorCode()).isEqualTo("TOKEN_INVALID_OR_EXPIRED");
        assertThat(api.post("/api/v1/auth/magic-link", Api.map("email", shortEmail, "expiresIn", 10)).errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void unknownEmailGetsTheSameAnswerAndTheLinkCreatesTheAccount() {
        String known = uniqueEmail("ml-known");
        signUp(known);
        String unknown = uniqueEmail("ml-new");
        Api.Response a = api.post("/api/v1/auth/magic-link", Api.map("email", known));
        Api.Response b = api.post("/api/v1/auth/magic-link", Api.map("email", unknown));
        assertThat(a.status()).isEqualTo(b.status());
        assertThat(a.json().properties().stream().map(java.util.Map.Entry::getKey).toList())
                .isEqualTo(b.json().properties().stream().map(java.util.Map.Entry::getKey).toList());
        assertThat(a.text("/message")).isEqualTo(b.text("/message"));
        assertThat(b.text("/linkId")).startsWith("ml_");

        String token = TestMail.awaitToken(unknown, "sign-in link", TOKEN);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email_normalized = :e").param("e", unknown).query(Long.class).single())
                .as("no account before the link is used").isZero();
        Api.Response in = api.post("/api/v1/auth/magic-link/verify", Api.map("token", token));
        assertThat(in.status()).isEqualTo(200);
        assertThat(in.text("/user/email")).isEqualTo(unknown);
        assertThat(in.json().at("/user/emailVerified").asBoolean()).isTrue();
        // the new account has no password: password sign-in fails like any wrong password
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", unknown, "password", PASSWORD)).errorCode()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void fivePerHourPerEmailKnownOrNot() {
        for (String email : new String[] {uniqueEmail("ml-quota-new"), signUp(uniqueEmail("ml-quota")).text("/user/email")}) {
            for (int i = 0; i < 5; i++) assertThat(api.post("/api/v1/auth/magic-link", Api.map("email", email)).status()).isEqualTo(200);
            Api.Response sixth = api.post("/api/v1/auth/magic-link", Api.map("email", email.toUpperCase()));
            assertThat(sixth.errorCode()).isEqualTo("RATE_LIMITED");
            assertThat(sixth.status()).isEqualTo(429);
            assertThat(sixth.json().at("/error/details/retryAfter").asLong()).isBetween(3500L, 3600L);
            clock.advance(Duration.ofMinutes(61));
            assertThat(api.post("/api/v1/auth/magic-link", Api.map("email", email)).status()).as("a new hour").isEqualTo(200);
            clock.reset();
        }
    }

    @Test
    void concurrentSendsNeverExceedTheQuota() throws Exception {
        String email = uniqueEmail("ml-race");
        java.util.List<java.util.concurrent.Callable<Api.Response>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) calls.add(() -> api.post("/api/v1/auth/magic-link", Api.map("email", email)));
        java.util.List<Api.Response> results = dev.janua.server.mfa.MfaIntegrationTestAccess.parallel(calls);
        assertThat(results.stream().filter(r -> r.status() == 200).count()).isEqualTo(5);
        assertThat(results.stream().filter(r -> r.status() == 429).count()).isEqualTo(7);
    }

    @Test
    void getVerifyRedirectsWithAOneTimeCodeAndNoTokens() {
        String email = uniqueEmail("ml-get");
        signUp(email);
        String app = "http://localhost:3000/auth/callback?state=xyz";
        String token = sendAndReadToken(email, "redirectUrl", app);
        Api.Response r = api.get("/api/v1/auth/magic-link/verify?token=" + token + "&redirect_uri=" + URLEncoder.encode(app, StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(302);
        String location = r.header("Location");
        assertThat(location).startsWith("http://localhost:3000/auth/callback?state=xyz&code=mlc_");
        assertThat(location).doesNotContain("rt_").doesNotContain("eyJ").doesNotContain("accessToken");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        String code = URLDecoder.decode(location.substring(location.indexOf("code=") + 5), StandardCharsets.UTF_8);

        Api.Response in = api.post("/api/v1/auth/magic-link/exchange", Api.map("code", code));
        assertThat(in.status()).as(in.raw().body()).isEqualTo(200);
        assertThat(in.text("/tokens/accessToken")).isNotBlank();
        assertThat(api.post("/api/v1/auth/magic-link/exchange", Api.map("code", code)).errorCode()).isEqualTo("TOKEN_INVALID_OR_EXPIRED");

        // the same link again: back to the app with an error, not with a code
        Api.Response reused = api.get("/api/v1/auth/magic-link/verify?token=" + token + "&redirect_uri=" + URLEncoder.encode(app, StandardCharsets.UTF_8));
        assertThat(reused.status()).isEqualTo(302);
        assertThat(URI.create(reused.header("Location")).getQuery()).contains("error=invalid_or_expired").doesNotContain("code=");
    }

    @Test
    void redirectTargetsMustBeAllowedOrigins() {
        String email = uniqueEmail("ml-evil");
        signUp(email);
        Api.Response send = api.post("/api/v1/auth/magic-link", Api.map("email", email, "redirectUrl", "https://evil.example/steal"));
        assertThat(send.errorCode()).isEqualTo("VALIDATION_ERROR");
        String token = sendAndReadToken(email);
        Api.Response r = api.get("/api/v1/auth/magic-link/verify?token=" + token + "&redirect_uri=https%3A%2F%2Fevil.example%2F");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Location")).isNull();
        // the link was not spent by the refused redirect: it still signs in (GET without redirect answers JSON)
        Api.Response json = api.get("/api/v1/auth/magic-link/verify?token=" + token);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.text("/tokens/accessToken")).isNotBlank();
    }

    @Test
    void aMagicLinkIsAFirstFactorOnlyWhenMfaIsOn() {
        String email = uniqueEmail("ml-mfa");
        String access = accessToken(signUp(email));
        String secret = api.post("/api/v1/mfa/setup", null, "Authorization", Api.bearer(access)).text("/secret");
        api.post("/api/v1/mfa/verify", Api.map("code", Totp.DEFAULT.totp(Base32.decode(secret), clock.instant())), "Authorization", Api.bearer(access));
        Api.Response r = api.post("/api/v1/auth/magic-link/verify", Api.map("token", sendAndReadToken(email)));
        assertThat(r.json().path("requiresMfa").asBoolean()).isTrue();
        assertThat(r.json().has("tokens")).isFalse();
        clock.advance(Duration.ofSeconds(30));
        Api.Response done = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", r.text("/mfaToken"),
                "code", Totp.DEFAULT.totp(Base32.decode(secret), clock.instant())));
        assertThat(done.status()).isEqualTo(200);
        String signin = jdbc.sql("SELECT data FROM domain_events WHERE type = 'user.signin' AND subject_id = :u ORDER BY seq DESC LIMIT 1")
                .param("u", done.text("/user/id")).query(String.class).single();
        assertThat(signin).contains("\"method\":\"magic_link\"").contains("\"mfaMethod\":\"totp\"");
    }
}
