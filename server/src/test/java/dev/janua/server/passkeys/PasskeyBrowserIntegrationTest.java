package dev.janua.server.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real browser: headless Chromium with the DevTools virtual authenticator (CTAP2, internal
 * transport, resident keys, user verification) adds a passkey on the hosted account page, signs in
 * with it on the hosted sign-in page without typing an email (autofill, then the button), and signs in at every seed API path
 * with and without an email. Screenshots go to {@code docs/screenshots/passkeys-*.png}.
 */
class PasskeyBrowserIntegrationTest extends PasskeyTestSupport {
    static final Path BROWSER_DIR = Path.of("src/test/browser");
    static final Path SCREENSHOTS = Path.of("../docs/screenshots");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPasskeyAddedOnTheAccountPageSignsInOnTheHostedPageAndAtEverySeedPath() throws Exception {
        assertThat(Path.of("/usr/bin/chromium")).as("apt-get install -y chromium (scripts/test.sh does it)").exists();
        assertThat(BROWSER_DIR.resolve("node_modules/playwright-core")).as("npm ci in " + BROWSER_DIR.toAbsolutePath()).exists();
        Person p = person("pk-browser");
        List<Map<String, String>> routes = List.of(
                Map.of("method", "POST", "options", "/api/v1/passkeys/authenticate/options", "verify", "/api/v1/passkeys/authenticate"),
                Map.of("method", "POST", "options", "/api/v1/auth/passkeys/authenticate/begin", "verify", "/api/v1/auth/passkeys/authenticate/complete"),
                Map.of("method", "GET", "options", "/api/v1/passkeys/authenticate/options", "verify", "/api/v1/passkeys/authenticate/verify"),
                Map.of("method", "POST", "options", "/v1/auth/passkeys/authenticate", "verify", "/v1/auth/passkeys/authenticate"));
        Map<String, Object> cfg = Map.of("base", origin(), "email", p.email(), "password", PASSWORD, "routes", routes,
                "screenshotsDir", SCREENSHOTS.toAbsolutePath().normalize().toString());

        JsonNode result = runBrowser(JSON.writeValueAsString(cfg));

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        List<String> consoleErrors = result.path("consoleErrors").valueStream().map(JsonNode::asString)
                .filter(e -> !e.startsWith("Failed to load resource: the server responded with a status of")).toList();
        assertThat(consoleErrors).as("CSP violations and script errors").isEmpty();
        // added on the account page, as a discoverable credential of the virtual authenticator
        assertThat(result.path("accountNames").toString()).contains("Chromium passkey");
        assertThat(result.path("residentCredentials").asInt()).isEqualTo(1);
        List<String> stored = jdbc.sql("SELECT name FROM passkeys WHERE user_id = :u").param("u", p.userId()).query(String.class).list();
        assertThat(stored).containsExactly("Chromium passkey");
        JsonNode listed = api.get("/api/v1/passkeys", "Authorization", dev.janua.server.support.Api.bearer(p.access())).json().path("data");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("name").asString()).isEqualTo("Chromium passkey");
        assertThat(listed.get(0).path("lastUsedAt").isNull()).isFalse();
        // autofill (conditional mediation) signs in as the page loads, and the button signs in; neither needs an email
        assertThat(result.path("autofillSignIn").asString()).endsWith("/hosted/account");
        assertThat(result.path("autocomplete").asString()).isEqualTo("username webauthn");
        assertThat(result.path("conditionalAvailable").asBoolean()).isTrue();
        assertThat(result.path("buttonSignIn").asString()).endsWith("/hosted/account");
        assertThat(result.path("signedInAs").asString()).isEqualTo(p.email());
        assertThat(jdbc.sql("SELECT amr FROM browser_sessions WHERE user_id = :u ORDER BY created_at DESC").param("u", p.userId())
                .query(String.class).list().get(0)).isEqualTo("hwk user mfa");
        // every seed path, with and without an email
        assertThat(result.path("routes")).hasSize(8);
        for (JsonNode r : result.path("routes")) {
            assertThat(r.path("status").asInt()).as(r.toString()).isEqualTo(200);
            assertThat(r.path("userId").asString()).as(r.toString()).isEqualTo(p.userId());
            assertThat(r.path("requiresMfa").asBoolean()).as(r.toString()).isFalse();
            assertThat(r.path("amr").toString()).as(r.toString()).contains("mfa");
        }
        for (String page : List.of("passkeys-account", "passkeys-sign-in")) {
            assertThat(SCREENSHOTS.resolve(page + ".png")).as(page).exists();
        }
    }

    private static JsonNode runBrowser(String config) throws IOException, InterruptedException {
        Process proc = new ProcessBuilder("node", "passkeys-flow.mjs", config).directory(BROWSER_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // a bound on a stuck browser, not an assertion about speed
        if (!proc.waitFor(3, TimeUnit.MINUTES)) proc.destroyForcibly();
        assertThat(proc.exitValue()).as(out).isZero();
        return JSON.readTree(out.strip().lines().reduce((a, b) -> b).orElse("{}"));
    }
}
