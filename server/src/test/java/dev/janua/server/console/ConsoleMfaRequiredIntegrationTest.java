package dev.janua.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.mfa.MfaTestSupport;
import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code JANUA_CONSOLE_REQUIRE_MFA=true}, over plain HTTP: a platform admin signed in with a
 * password alone is sent to enrol a second factor, then to verify it, before any console page
 * (nothing of the console on the way), and comes back to the page asked for.
 */
class ConsoleMfaRequiredIntegrationTest extends MfaTestSupport {

    @DynamicPropertySource
    static void requireMfa(DynamicPropertyRegistry r) {
        r.add("janua.console.require-mfa", () -> "true");
    }

    @Test
    void aPlatformAdminWithoutMfaIsSentToEnrolThenVerifyBeforeAnyConsolePage() {
        String email = uniqueEmail("mfa-admin");
        Api.Response up = signUp(email);
        String userId = up.text("/user/id");
        jdbc.sql("UPDATE users SET is_admin = TRUE WHERE id = :id").param("id", userId).update();
        BrowserClient b = new BrowserClient("http://localhost:" + port);
        HttpResponse<String> signIn = b.get("/hosted/sign-in?return_to=%2Fconsole");
        assertThat(b.submit(signIn, "/hosted/sign-in", Map.of("email", email, "password", PASSWORD)).statusCode()).isEqualTo(303);

        int gated = 0;
        // the page comes back with its query (a search, a filter, a page number)
        for (String path : List.of("/console", "/console/users", "/console/audit", "/console/settings", "/console/users/" + userId,
                "/console/users?q=ada%40example.com&page=2", "/console/audit?type=user.created")) {
            HttpResponse<String> r = b.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElse("")).as(path)
                    .contains("/console/mfa?return_to=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
            gated++;
        }
        assertThat(gated).isEqualTo(7);
        // a form is refused the same way, and changes nothing
        HttpResponse<String> rotate = b.post("/console/settings/signing-keys/rotate", Map.of("confirm", "yes", "back", "/console/settings"));
        assertThat(rotate.statusCode()).isIn(303, 403);
        assertThat(rotate.headers().firstValue("Location").orElse("")).doesNotContain("done=");

        HttpResponse<String> enrol = b.get("/console/mfa?return_to=%2Fconsole%2Fusers");
        assertThat(enrol.statusCode()).isEqualTo(200);
        assertThat(enrol.body()).contains("id=\"mfa-enrol\"").contains("href=\"/hosted/account\"").doesNotContain("id=\"mfa-verify\"")
                .doesNotContain("href=\"/console/users\"");

        // the admin sets up an authenticator app (as on the account page), then comes back: now verify it
        Api.Response signedIn = api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD));
        String access = accessToken(signedIn);
        Api.Response setup = api.post("/api/v1/mfa/setup", Api.map("type", "totp"), "Authorization", Api.bearer(access));
        String secret = setup.text("/secret");
        assertThat(api.post("/api/v1/mfa/verify", Api.map("code", code(secret)), "Authorization", Api.bearer(access)).status()).isEqualTo(200);

        HttpResponse<String> stillGated = b.get("/console/users");
        assertThat(stillGated.statusCode()).isEqualTo(303);
        HttpResponse<String> verify = b.get("/console/mfa?return_to=%2Fconsole%2Fusers");
        assertThat(verify.body()).contains("id=\"mfa-verify\"").doesNotContain("id=\"mfa-enrol\"");
        HttpResponse<String> challenge = b.submit(verify, "/hosted/sign-in", Map.of("password", PASSWORD));
        assertThat(challenge.statusCode()).as(challenge.body()).isEqualTo(200);
        HttpResponse<String> done = b.submit(challenge, "/hosted/sign-in/mfa", Map.of("code", nextCode(secret)));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/console/users");
        HttpResponse<String> users = b.get("/console/users");
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains(email);
        // with a second factor in the sign-in, the gate page sends straight back
        HttpResponse<String> gate = b.get("/console/mfa?return_to=%2Fconsole%2Fsettings");
        assertThat(gate.statusCode()).isEqualTo(303);
        assertThat(gate.headers().firstValue("Location").orElse("")).endsWith("/console/settings");
    }
}
