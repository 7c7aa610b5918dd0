package dev.janua.server.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole SAML round trip in headless Chromium: the hosted sign-in page → the work email without
 * a password (home-realm discovery) → Janua's AuthnRequest → the test IdP's page → its signed
 * response posted to the ACS → signed in on the account page. Screenshots go to docs/screenshots/.
 */
class SsoBrowserIntegrationTest extends SsoTestSupport {
    static final Path BROWSER_DIR = Path.of("src/test/browser");
    static final Path SCREENSHOTS = Path.of("../docs/screenshots");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aMemberSignsInThroughTheOrganizationsSamlIdpInHeadlessChromium() throws Exception {
        assertThat(Path.of("/usr/bin/chromium")).as("apt-get install -y chromium (scripts/test.sh does it)").exists();
        assertThat(BROWSER_DIR.resolve("node_modules/playwright-core")).as("npm ci in " + BROWSER_DIR.toAbsolutePath()).exists();
        AtomicReference<SsoOrg> org = new AtomicReference<>();
        SamlTestIdp idp = new SamlTestIdp("https://idp.test/" + UUID.randomUUID(), IDP_KEY);
        idp.serveSso(requestId -> {
            SsoOrg o = org.get();
            SamlTestIdp.Assertion a = idp.assertion(o.spEntityId(), o.acsUrl(), o.email("browser"));
            a.inResponseTo = requestId;
            a.attribute("firstName", "Barbara").attribute("lastName", "Liskov");
            return idp.signedResponse(a, IDP_KEY);
        });
        try {
            org.set(ssoOrg(idp));
            String base = "http://localhost:" + port;
            Map<String, Object> cfg = Map.of("base", base, "email", org.get().email("browser"),
                    "screenshotsDir", SCREENSHOTS.toAbsolutePath().normalize().toString());
            JsonNode result = run(JSON.writeValueAsString(cfg));
            assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
            assertThat(result.path("idpUrl").asString()).startsWith(idp.ssoUrl + "?SAMLRequest=");
            assertThat(result.path("finalUrl").asString()).isEqualTo(base + "/hosted/account");
            assertThat(result.path("accountText").asString()).contains(org.get().email("browser"));
            // Chromium asks each origin for /favicon.ico (neither Janua nor the test IdP has one) and logs the 404s
            List<String> consoleErrors = result.path("consoleErrors").valueStream().map(JsonNode::asString)
                    .filter(e -> !e.startsWith("Failed to load resource: the server responded with a status of 404")).toList();
            assertThat(consoleErrors).as("CSP violations and script errors").isEmpty();
            assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'sso.signin' AND organization_id = :o", "o", org.get().id()))
                    .isEqualTo(1);
            for (String page : List.of("sso-sign-in", "sso-idp", "sso-account", "sso-discovery")) {
                assertThat(SCREENSHOTS.resolve(page + ".png")).as(page).exists();
            }
        } finally {
            idp.stop();
        }
    }

    private static JsonNode run(String config) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", "sso-sign-in.mjs", config).directory(BROWSER_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // a bound on a stuck browser, not an assertion about speed
        if (!p.waitFor(3, TimeUnit.MINUTES)) p.destroyForcibly();
        assertThat(p.exitValue()).as(out).isZero();
        return JSON.readTree(out.strip().lines().reduce((a, b) -> b).orElse("{}"));
    }
}
