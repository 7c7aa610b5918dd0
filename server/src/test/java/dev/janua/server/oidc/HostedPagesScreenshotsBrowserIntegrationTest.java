package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TestMail;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Screenshots of the self-service pages in headless Chromium, with real emailed links: sign-up,
 * forgot and reset password, magic-link request and landing, invitation. Each page must render
 * under the Content-Security-Policy with no console error; the images go to {@code docs/screenshots/}.
 */
class HostedPagesScreenshotsBrowserIntegrationTest extends OidcTestSupport {
    static final Pattern RESET_LINK = Pattern.compile("(/hosted/reset-password\\?token=prt_[A-Za-z0-9_-]+)");
    static final Pattern MAGIC_LINK = Pattern.compile("(/hosted/magic-link\\?token=mlt_[A-Za-z0-9_-]+)");
    static final Pattern INVITE_LINK = Pattern.compile("(/hosted/invitation\\?token=inv_[A-Za-z0-9_-]+)");

    @Test
    void theSelfServicePagesRenderInARealBrowserAndAreScreenshotted() throws Exception {
        String email = uniqueEmail("shots");
        Api.Response up = signUp(email);
        assertThat(api.post("/api/v1/auth/password/forgot", Api.map("email", email)).status()).isIn(200, 202);
        String reset = TestMail.awaitToken(email, "Reset", RESET_LINK);
        assertThat(api.post("/api/v1/auth/magic-link", Api.map("email", email)).status()).isIn(200, 202);
        String magic = TestMail.awaitToken(email, "sign-in link", MAGIC_LINK);
        Api.Response org = api.post("/api/v1/organizations", Api.map("name", "Screenshot Co"), "Authorization", Api.bearer(accessToken(up)));
        assertThat(org.status()).isEqualTo(201);
        String invitee = uniqueEmail("shots-invitee");
        assertThat(api.post("/api/v1/organizations/" + org.text("/id") + "/invitations", Api.map("email", invitee, "role", "member"),
                "Authorization", Api.bearer(accessToken(up))).status()).isEqualTo(201);
        String invitation = TestMail.awaitToken(invitee, "Screenshot Co", INVITE_LINK);

        String base = "http://127.0.0.1:" + port;
        List<Map<String, Object>> steps = List.of(
                step(base + "/hosted/sign-up", "form[action=\"/hosted/sign-up\"]", "sign-up"),
                step(base + "/hosted/forgot-password", "form[action=\"/hosted/forgot-password\"]", "forgot-password"),
                step(base + reset, "form[action=\"/hosted/reset-password\"]", "reset-password"),
                step(base + "/hosted/magic-link", "form[action=\"/hosted/magic-link\"]", "magic-link"),
                step(base + magic, "form[action=\"/hosted/magic-link/sign-in\"]", "magic-link-landing"),
                step(base + invitation, "form[action=\"/hosted/invitation/sign-up\"]", "invitation"));
        Map<String, Object> cfg = Map.of("screenshotsDir", OidcBrowserIntegrationTest.SCREENSHOTS.toAbsolutePath().normalize().toString(),
                "steps", steps);
        JsonNode result = HostedMfaEnrolmentBrowserIntegrationTest.run("themed-sign-in.mjs", JSON.writeValueAsString(cfg));
        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        // the one 404 Chromium logs is its own /favicon.ico request (Janua has none); anything else (CSP, script) is a fault
        assertThat(result.path("consoleErrors").valueStream().map(JsonNode::asString)
                .filter(e -> !e.equals("Failed to load resource: the server responded with a status of 404 ()")).toList())
                .as("CSP violations, script errors").isEmpty();
        assertThat(result.path("pages").size()).isEqualTo(6);
        for (Map<String, Object> s : steps) {
            assertThat(OidcBrowserIntegrationTest.SCREENSHOTS.resolve(s.get("shot") + ".png")).exists();
        }
    }

    private static Map<String, Object> step(String url, String waitFor, String shot) {
        return Map.of("url", url, "waitFor", waitFor, "shot", shot);
    }
}
