package dev.janua.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.janua.server.support.Api;
import dev.janua.server.support.TestMail;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's journeys in a real browser: headless Chromium (Debian's {@code chromium}, driven by
 * {@code playwright-core} from {@code server/src/test/browser/console-journeys.mjs}) against the
 * running server. A platform admin finds a user and suspends them, registers an application,
 * filters the audit log and verifies the chain, and redelivers a failed webhook; an organization
 * admin invites someone who accepts in another browser, creates a custom role and assigns it, and
 * creates an API key; that admin is refused platform pages and other organizations, and a member is
 * refused the console. Screenshots of every page go to {@code docs/screenshots/console-*.png}.
 */
class ConsoleBrowserIntegrationTest extends ConsoleTestSupport {
    static final Path BROWSER_DIR = Path.of("src/test/browser");
    static final Path SCREENSHOTS = Path.of("../docs/screenshots");
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INVITE_LINK = Pattern.compile("(/hosted/invitation\\?token=inv_[A-Za-z0-9_-]+)");

    @Test
    void platformAndOrganizationAdminsCompleteTheConsoleJourneysInHeadlessChromium() throws Exception {
        assertThat(Path.of("/usr/bin/chromium")).as("apt-get install -y chromium (scripts/test.sh does it)").exists();
        assertThat(BROWSER_DIR.resolve("node_modules/playwright-core")).as("npm ci in " + BROWSER_DIR.toAbsolutePath()).exists();

        Account admin = platformAdmin();
        Account target = newUser("journey-target");
        Account owner = newUser("journey-owner");
        String orgName = "Acme Console " + System.nanoTime();
        String orgId = createOrg(owner, "name", orgName);
        Account orgAdmin = memberOf(orgId, "admin", "journey-orgadmin");
        Account member = memberOf(createOrg(newUser("journey-other"), "name", "Elsewhere"), "member", "journey-member");
        String otherOrg = createOrg(newUser("journey-third"), "name", "Third Party");
        String invitee = uniqueEmail("journey-invitee");
        // a passkey and a linked GitHub account on the user the admin opens (stored as their ceremonies would)
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        jdbc.sql("""
                INSERT INTO passkeys (id, user_id, credential_id, public_key_cose, sign_count, uv_initialized, backup_eligible, backed_up,
                  transports, aaguid, attestation_format, name, created_at)
                VALUES (:id, :u, :c, 'cose', 0, TRUE, TRUE, TRUE, 'internal', '00000000-0000-0000-0000-000000000000', 'none', 'Work laptop', :t)""")
                .param("id", "pk_journey" + System.nanoTime()).param("u", target.id()).param("c", "cred-journey" + System.nanoTime())
                .param("t", now).update();
        jdbc.sql("""
                INSERT INTO social_identities (id, user_id, provider, subject, email, email_verified, display_name, created_at)
                VALUES (:id, :u, 'github', :s, :e, TRUE, 'Journey target', :t)""")
                .param("id", "idn_journey" + System.nanoTime()).param("u", target.id()).param("s", "gh-journey" + System.nanoTime())
                .param("e", target.email()).param("t", now).update();

        // a receiver that fails the first delivery and accepts the next (the redelivery)
        AtomicInteger received = new AtomicInteger();
        HttpServer helper = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        helper.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(received.incrementAndGet() == 1 ? 500 : 200, -1);
            exchange.close();
        });
        helper.createContext("/invite-link", exchange -> {
            String email = URLDecoder.decode(exchange.getRequestURI().getRawQuery().replace("email=", ""), StandardCharsets.UTF_8);
            byte[] body = TestMail.awaitToken(email, orgName, INVITE_LINK).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        helper.start();
        try {
            String helperBase = "http://127.0.0.1:" + helper.getAddress().getPort();
            Api.Response hook = api.post("/api/v1/webhooks", Api.map("url", helperBase + "/hook", "events", List.of("organization.deleted"),
                    "description", "Journey receiver"), admin.auth());
            assertThat(hook.status()).as(hook.raw().body()).isEqualTo(201);

            // 127.0.0.1 (not localhost, which Chromium may reach over ::1): the suite exempts it from per-IP sign-in limits
            Map<String, Object> cfg = Map.ofEntries(Map.entry("base", "http://127.0.0.1:" + port), Map.entry("password", PASSWORD),
                    Map.entry("adminEmail", admin.email()), Map.entry("targetEmail", target.email()),
                    Map.entry("orgAdminEmail", orgAdmin.email()), Map.entry("orgId", orgId), Map.entry("otherOrgId", otherOrg),
                    Map.entry("memberEmail", member.email()), Map.entry("inviteeEmail", invitee),
                    Map.entry("webhookId", hook.text("/id")), Map.entry("helper", helperBase),
                    Map.entry("adminId", admin.id()), Map.entry("targetId", target.id()),
                    Map.entry("ssoDomain", "acme-" + System.nanoTime() + ".example"),
                    Map.entry("screenshotsDir", SCREENSHOTS.toAbsolutePath().normalize().toString()));
            JsonNode result = runBrowser(JSON.writeValueAsString(cfg));
            assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
            // pages that answer 403/404 on purpose are logged by Chromium; anything else (CSP, script errors) is a fault
            List<String> consoleErrors = result.path("consoleErrors").valueStream().map(JsonNode::asString)
                    .filter(e -> !e.startsWith("Failed to load resource: the server responded with a status of")).toList();
            assertThat(consoleErrors).as("CSP violations and script errors").isEmpty();

            assertThat(result.path("chartsDrawn").asInt()).as("uPlot canvases on the overview").isEqualTo(3);
            assertThat(result.path("suspendedNotice").asString()).contains("suspended");
            assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'user.suspended' AND subject_id = :u AND actor_id = :a",
                    "u", target.id(), "a", admin.id())).isOne();
            assertThat(result.path("applicationSecret").asString()).startsWith("jcs_");
            assertThat(count("SELECT COUNT(*) FROM oidc_applications WHERE name = 'Acme Portal'")).isGreaterThanOrEqualTo(1);
            assertThat(result.path("auditRows").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(result.path("verification").asString()).contains("The chain is intact.");
            assertThat(result.path("testNotice").asString()).contains("not delivered");
            assertThat(result.path("redelivered").asInt()).isEqualTo(1);
            assertThat(received.get()).isEqualTo(2);

            assertThat(result.path("acceptedShown").asString()).isEqualTo("accepted");
            assertThat(count("SELECT COUNT(*) FROM organization_members m JOIN users u ON u.id = m.user_id "
                    + "WHERE u.email_normalized = :e AND m.organization_id = :o", "e", invitee, "o", orgId)).isOne();
            assertThat(result.path("assignedRole").asString()).isEqualTo("support");
            assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'organization.role_changed' AND organization_id = :o "
                    + "AND actor_id = :a", "o", orgId, "a", orgAdmin.id())).isOne();
            assertThat(result.path("apiKeyShown").asBoolean()).isTrue();
            assertThat(result.path("orgAdminUsersStatus").asInt()).isEqualTo(403);
            assertThat(result.path("orgAdminOtherOrgStatus").asInt()).isEqualTo(404);
            assertThat(result.path("memberStatus").asInt()).isEqualTo(403);
            assertThat(result.path("passkeysListed").asInt()).isEqualTo(1);
            assertThat(result.path("identitiesListed").asInt()).isEqualTo(1);
            assertThat(result.path("passkeysAfter").asInt()).isZero();
            assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'passkey.deleted' AND subject_id = :u AND actor_id = :a",
                    "u", target.id(), "a", admin.id())).isOne();
            assertThat(result.path("brandingName").asString()).contains("Acme Portal");
            assertThat(result.path("actorTargetRows").asInt()).isGreaterThanOrEqualTo(2); // suspended, passkey deleted
            assertThat(result.path("ssoShown").asBoolean()).isTrue();
            assertThat(result.path("scimShown").asBoolean()).isTrue();
            assertThat(result.path("orgAuditRows").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(result.path("otherOrgSsoStatus").asInt()).isEqualTo(404);
            assertThat(result.path("otherOrgAuditStatus").asInt()).isEqualTo(404);

            for (String page : List.of("overview", "users", "user", "application", "applications", "audit", "audit-entry", "webhooks",
                    "webhook", "sessions", "settings", "organizations", "users-de", "users-mobile", "organization", "invitations", "roles",
                    "members", "org-settings", "api-keys", "forbidden", "denied", "application-branding", "audit-actor-target", "sso", "scim",
                    "org-audit")) {
                assertThat(SCREENSHOTS.resolve("console-" + page + ".png")).as(page).exists();
            }
        } finally {
            helper.stop(0);
        }
    }

    private static JsonNode runBrowser(String config) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", "console-journeys.mjs", config).directory(BROWSER_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // a bound on a stuck browser, not an assertion about speed
        if (!p.waitFor(4, TimeUnit.MINUTES)) p.destroyForcibly();
        assertThat(p.exitValue()).as(out).isZero();
        String last = out.strip().lines().reduce((a, b) -> b).orElse("{}");
        Files.createDirectories(SCREENSHOTS);
        return JSON.readTree(last);
    }
}
