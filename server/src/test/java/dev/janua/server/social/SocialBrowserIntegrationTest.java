package dev.janua.server.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole round trip in headless Chromium: the hosted sign-in page shows "Continue with Google",
 * the button goes to the provider (mock-oauth2-server standing in for Google), the provider sends the
 * browser back to Janua's callback, and the person lands signed in on the hosted account page.
 */
class SocialBrowserIntegrationTest extends SocialTestSupport {
    static final Path BROWSER_DIR = Path.of("src/test/browser");
    static final Path SCREENSHOTS = Path.of("../docs/screenshots");

    @Test
    void aPersonSignsInWithGoogleFromTheHostedPageInHeadlessChromium() throws Exception {
        assertThat(Path.of("/usr/bin/chromium")).as("apt-get install -y chromium").exists();
        assertThat(BROWSER_DIR.resolve("node_modules/playwright-core")).as("npm ci in " + BROWSER_DIR.toAbsolutePath()).exists();
        MockOAuth2Server idp = new MockOAuth2Server();
        idp.start(0);
        try {
            configure("google", "clientId", "browser-google", "clientSecret", "browser-secret", "issuer", idp.issuerUrl("google").toString(),
                    "enabled", true);
            String email = uniqueEmail("chromium");
            idp.enqueueCallback(new DefaultOAuth2TokenCallback("google", UUID.randomUUID().toString(), "JWT", List.of("browser-google"),
                    Map.of("email", email, "email_verified", true, "given_name", "Chris", "family_name", "Rome"), 3600));
            JsonMapper json = JsonMapper.builder().build();
            String cfg = json.writeValueAsString(Map.of("base", "http://localhost:" + port, "provider", "google",
                    "screenshotsDir", SCREENSHOTS.toAbsolutePath().normalize().toString()));
            Process p = new ProcessBuilder("node", "social-sign-in.mjs", cfg).directory(BROWSER_DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(3, TimeUnit.MINUTES)) p.destroyForcibly();
            JsonNode result = json.readTree(out.strip().lines().reduce((a, b) -> b).orElse("{}"));
            assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
            assertThat(result.path("buttonText").asString()).isEqualTo("Continue with Google");
            assertThat(result.path("finalUrl").asString()).startsWith("http://localhost:" + port + "/hosted/account");
            assertThat(result.path("accountText").asString()).contains(email);
            assertThat(result.path("visited").toString()).contains(idp.issuerUrl("google").host()).contains("/hosted/oauth/complete");
            // Chromium logs any 404 (its favicon request); anything else — a CSP violation, a script error — is a fault
            List<String> consoleErrors = result.path("consoleErrors").valueStream().map(JsonNode::asString)
                    .filter(e -> !e.startsWith("Failed to load resource: the server responded with a status of 404")).toList();
            assertThat(consoleErrors).as("CSP violations and script errors").isEmpty();
            assertThat(result.path("cookies").toString()).contains("janua_session").doesNotContain("janua_fed_");
            String userId = jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", email).query(String.class).single();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM social_identities WHERE user_id = :u AND provider = 'google'").param("u", userId)
                    .query(Long.class).single()).isEqualTo(1L);
        } finally {
            idp.shutdown();
        }
    }
}
