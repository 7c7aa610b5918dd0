package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A real browser: headless Chromium (Debian's {@code chromium}, driven by {@code playwright-core}
 * from {@code server/src/test/browser}) signs a person in through the hosted pages, with the TOTP
 * step and consent, for a relying party that listens on loopback. The relying party (this test)
 * then redeems the code with PKCE, verifies the ID token against the JWKS and calls userinfo.
 * Screenshots of each page go to {@code docs/screenshots/}. {@code scripts/test.sh} installs
 * Chromium and the npm package when they are missing.
 */
class OidcBrowserIntegrationTest extends OidcTestSupport {
    static final Path BROWSER_DIR = Path.of("src/test/browser");
    static final Path SCREENSHOTS = Path.of("../docs/screenshots");

    @Test
    void aRelyingPartySignsAPersonInThroughTheHostedPagesInHeadlessChromium() throws Exception {
        assertThat(Path.of("/usr/bin/chromium")).as("apt-get install -y chromium (scripts/test.sh does it)").exists();
        assertThat(BROWSER_DIR.resolve("node_modules/playwright-core")).as("npm ci in " + BROWSER_DIR.toAbsolutePath()).exists();

        HttpServer rp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rp.createContext("/callback", exchange -> {
            byte[] body = "<!DOCTYPE html><html lang=\"en\"><title>Acme</title><body><h1>Acme received the sign-in</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        rp.start();
        try {
            String callback = "http://127.0.0.1:" + rp.getAddress().getPort() + "/callback";
            App app = register("name", "Acme Portal", "type", "confidential", "redirectUris", List.of(callback),
                    "scopes", List.of("openid", "profile", "email"));
            Enrolled user = enrolledUser("browser");
            Pkce pkce = Pkce.create();
            String totp = nextCode(user.secret());
            String errorUrl = base() + authorizeUrl(app, "https://evil.example/callback", "openid", "s", null, Pkce.create());
            Map<String, Object> cfg = Map.of("base", base(),
                    "authorizeUrl", base() + authorizeUrl(app, callback, "openid profile email", "browser-state", "browser-nonce", pkce),
                    "email", user.email(), "password", PASSWORD, "totp", totp, "callbackPrefix", callback,
                    "screenshotsDir", SCREENSHOTS.toAbsolutePath().normalize().toString(), "errorUrl", errorUrl);
            JsonNode result = runBrowser(JSON.writeValueAsString(cfg));
            assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
            assertThat(result.path("focusedAtStart").asString()).isEqualTo("email");
            // pages answered 401 (wrong code) and 400 (error page) on purpose: Chromium logs those; anything else is a fault
            List<String> consoleErrors = result.path("consoleErrors").valueStream().map(JsonNode::asString)
                    .filter(e -> !e.startsWith("Failed to load resource: the server responded with a status of")).toList();
            assertThat(consoleErrors).as("CSP violations and script errors").isEmpty();
            assertThat(result.path("signInUrl").asString()).startsWith(base() + "/hosted/sign-in?return_to=");
            assertThat(result.path("mfaUrl").asString()).as("no token in the URL").doesNotContain("tmp_").doesNotContain("mfa_token");

            Map<String, String> q = query(result.path("callbackUrl").asString());
            assertThat(q.get("state")).isEqualTo("browser-state");
            HttpResponse<String> tokens = redeem(app, app.secret(), q.get("code"), callback, pkce.verifier());
            assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
            SignedJWT id = SignedJWT.parse(json(tokens).path("id_token").asString());
            JWKSet jwks = JWKSet.parse(api.get("/.well-known/jwks.json").raw().body());
            assertThat(id.verify(new RSASSAVerifier((RSAKey) jwks.getKeyByKeyId(id.getHeader().getKeyID())))).isTrue();
            assertThat(id.getJWTClaimsSet().getSubject()).isEqualTo(user.userId());
            assertThat(id.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("browser-nonce");
            assertThat(id.getJWTClaimsSet().getStringListClaim("amr")).contains("otp", "mfa");
            HttpResponse<String> userinfo = getWithBearer("/userinfo", json(tokens).path("access_token").asString());
            assertThat(json(userinfo).path("email").asString()).isEqualTo(user.email());

            for (String page : List.of("sign-in", "mfa", "mfa-wrong-code", "consent", "account", "sign-out", "signed-out", "sign-in-fr", "error")) {
                assertThat(SCREENSHOTS.resolve(page + ".png")).as(page).exists();
            }
            // the browser's sign-out ended the Janua session
            assertThat(jdbc.sql("SELECT COUNT(*) FROM sessions s JOIN browser_sessions b ON b.session_id = s.id "
                    + "WHERE b.user_id = :u AND s.revoked_at IS NULL").param("u", user.userId()).query(Long.class).single()).isZero();
        } finally {
            rp.stop(0);
        }
    }

    private static JsonNode runBrowser(String config) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", "sign-in-flow.mjs", config).directory(BROWSER_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // a bound on a stuck browser, not an assertion about speed
        if (!p.waitFor(3, TimeUnit.MINUTES)) p.destroyForcibly();
        assertThat(p.exitValue()).as(out).isZero();
        String last = out.strip().lines().reduce((a, b) -> b).orElse("{}");
        Files.createDirectories(SCREENSHOTS);
        return JSON.readTree(last);
    }
}
