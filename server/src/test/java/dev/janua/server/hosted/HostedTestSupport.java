package dev.janua.server.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.mfa.domain.Base32;
import dev.janua.server.mfa.domain.Totp;
import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import dev.janua.server.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Helpers of the hosted-page and OpenID Provider tests: users with TOTP, a browser, signing in through the pages. */
public abstract class HostedTestSupport extends IntegrationTest {

    public record Enrolled(String email, String userId, String secret, List<String> backupCodes) {}

    protected BrowserClient browser() {
        return new BrowserClient("http://localhost:" + port);
    }

    protected Enrolled enrolledUser(String tag) {
        String email = uniqueEmail(tag);
        Api.Response up = signUp(email);
        String access = accessToken(up);
        Api.Response setup = api.post("/api/v1/mfa/setup", Api.map("type", "totp"), "Authorization", Api.bearer(access));
        assertThat(setup.status()).as(setup.raw().body()).isEqualTo(200);
        String secret = setup.text("/secret");
        List<String> codes = new ArrayList<>();
        setup.json().path("backupCodes").forEach(n -> codes.add(n.asString()));
        Api.Response verify = api.post("/api/v1/mfa/verify", Api.map("code", code(secret)), "Authorization", Api.bearer(access));
        assertThat(verify.status()).as(verify.raw().body()).isEqualTo(200);
        return new Enrolled(email, up.text("/user/id"), secret, codes);
    }

    /** A TOTP code of the next 30-second step (each step is accepted once per user). */
    protected String nextCode(String secret) {
        clock.advance(Duration.ofSeconds(30));
        return code(secret);
    }

    protected String code(String secret) {
        return Totp.DEFAULT.totp(Base32.decode(secret), clock.instant());
    }

    /** Opens the sign-in page (optionally with a return_to) and submits email and password. */
    protected HttpResponse<String> submitPassword(BrowserClient b, String signInPath, String email, String password) {
        HttpResponse<String> page = b.get(signInPath);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return b.submit(page, "/hosted/sign-in", Map.of("email", email, "password", password));
    }

    protected static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse(null);
    }

    protected String browserSessionId(String userId) {
        return jdbc.sql("SELECT session_id FROM browser_sessions WHERE user_id = :u ORDER BY created_at DESC LIMIT 1")
                .param("u", userId).query(String.class).single();
    }
}
