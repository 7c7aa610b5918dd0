package dev.janua.server.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.BrowserClient;
import dev.janua.server.mfa.MfaTestSupport;
import java.net.http.HttpResponse;
import java.util.Map;

/** Helpers of the hosted-page and OpenID Provider tests: users with TOTP, a browser, signing in through the pages. */
public abstract class HostedTestSupport extends MfaTestSupport {

    protected BrowserClient browser() {
        return new BrowserClient("http://localhost:" + port);
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
