package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.janua.server.support.Api;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Headless Chromium through the MFA enrolment a policy requires, inside an authorization request:
 * the script reads the key from the page, computes the TOTP code itself and lands back at the
 * relying party, which redeems the code; screenshots {@code mfa-enroll-required.png}, {@code mfa-enroll.png}.
 */
class HostedMfaEnrolmentBrowserIntegrationTest extends OidcTestSupport {

    @Test
    void aRealBrowserEnrolsAnAuthenticatorDuringTheSignInAndReachesTheApplication() throws Exception {
        HttpServer rp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rp.createContext("/callback", exchange -> {
            byte[] body = "<!DOCTYPE html><html lang=\"en\"><title>RP</title><body>ok</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        rp.start();
        try {
            String callback = "http://127.0.0.1:" + rp.getAddress().getPort() + "/callback";
            String email = uniqueEmail("enrol-browser");
            Api.Response up = signUp(email);
            Api.Response org = api.post("/api/v1/organizations", Api.map("name", "Strict browser", "settings", Api.map("mfaRequired", true)),
                    "Authorization", Api.bearer(accessToken(up)));
            assertThat(org.status()).isEqualTo(201);
            App app = register("name", "Strict Portal", "type", "confidential", "redirectUris", List.of(callback),
                    "scopes", List.of("openid", "profile", "email"), "firstParty", true);
            Pkce pkce = Pkce.create();
            Map<String, Object> cfg = Map.of("authorizeUrl", loopback() + authorizeUrl(app, callback, "openid email", "bs", null, pkce),
                    "email", email, "password", PASSWORD, "callbackPrefix", callback,
                    "clockOffsetMs", clock.instant().toEpochMilli() - System.currentTimeMillis(),
                    "screenshotsDir", OidcBrowserIntegrationTest.SCREENSHOTS.toAbsolutePath().normalize().toString());
            JsonNode result = run("mfa-enrolment.mjs", JSON.writeValueAsString(cfg));
            assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
            // the relying party has no favicon (404): Chromium logs that; anything else (CSP, script) is a fault
            assertThat(result.path("consoleErrors").valueStream().map(JsonNode::asString)
                    .filter(e -> !e.startsWith("Failed to load resource: the server responded with a status of 404")).toList()).isEmpty();
            assertThat(result.path("qrShown").asBoolean()).isTrue();
            assertThat(result.path("backupCodes").asInt()).isEqualTo(10);
            Map<String, String> q = query(result.path("callbackUrl").asString());
            assertThat(q.get("state")).isEqualTo("bs");
            HttpResponse<String> tokens = redeem(app, app.secret(), q.get("code"), callback, pkce.verifier());
            assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
            assertThat(SignedJWT.parse(json(tokens).path("id_token").asString()).getJWTClaimsSet().getStringListClaim("amr"))
                    .containsExactly("pwd", "otp", "mfa");
            for (String shot : List.of("mfa-enroll-required", "mfa-enroll")) {
                assertThat(OidcBrowserIntegrationTest.SCREENSHOTS.resolve(shot + ".png")).exists();
            }
        } finally {
            rp.stop(0);
        }
    }

    /** Runs one script of {@code src/test/browser} with a JSON argument; its last output line is the result. */
    static JsonNode run(String script, String config) throws IOException, InterruptedException {
        assertThat(Path.of("/usr/bin/chromium")).as("apt-get install -y chromium (scripts/test.sh does it)").exists();
        Process p = new ProcessBuilder("node", script, config).directory(OidcBrowserIntegrationTest.BROWSER_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // a bound on a stuck browser, not an assertion about speed
        if (!p.waitFor(3, TimeUnit.MINUTES)) p.destroyForcibly();
        assertThat(p.exitValue()).as(out).isZero();
        return JSON.readTree(out.strip().lines().reduce((a, b) -> b).orElse("{}"));
    }

    /** The browser reaches the server at 127.0.0.1, exempt from the per-IP limits in tests ("localhost" may be ::1, which is not). */
    private String loopback() {
        return "http://127.0.0.1:" + port;
    }
}
