package dev.janua.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who sees what in the console, over plain HTTP: anonymous visitors go to the hosted sign-in,
 * members of no organization they administer see a refusal, organization admins see their own
 * organizations only (never another's, never platform pages), and every form needs its CSRF token.
 */
class ConsoleAccessIntegrationTest extends ConsoleTestSupport {
    static final List<String> PLATFORM_PAGES = List.of("/console/users", "/console/audit", "/console/webhooks", "/console/applications",
            "/console/sessions", "/console/settings");

    @Test
    void anonymousVisitorsAreSentToTheHostedSignInAndComeBack() {
        BrowserClient b = new BrowserClient("http://localhost:" + port);
        for (String path : List.of("/console", "/console/users", "/console/organizations/org_x")) {
            HttpResponse<String> r = b.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(location(r)).as(path).contains("/hosted/sign-in?return_to=");
        }
        assertThat(b.get("/console/assets/console.css").statusCode()).isEqualTo(200);
        assertThat(b.get("/console/assets/vendor/uplot/uPlot.iife.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberWithNothingToAdministerSeesNothingOfTheConsole() {
        Account owner = newUser("c-owner");
        String org = createOrg(owner);
        Account member = memberOf(org, "member", "c-member");
        BrowserClient b = signedIn(member);
        for (String path : concat(List.of("/console", "/console/organizations", "/console/organizations/" + org,
                "/console/organizations/" + org + "/roles"), PLATFORM_PAGES)) {
            HttpResponse<String> r = b.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).as(path).contains("id=\"denied-reason\"").doesNotContain(org);
        }
    }

    @Test
    void anOrganizationAdminSeesTheirOrganizationButNoOtherAndNoPlatformPage() {
        Account owner = newUser("c-own");
        String mine = createOrg(owner, "name", "Mine Inc");
        Account admin = memberOf(mine, "admin", "c-orgadmin");
        String theirs = createOrg(newUser("c-other"), "name", "Theirs Ltd");
        BrowserClient b = signedIn(admin);

        HttpResponse<String> home = b.get("/console");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(location(home)).endsWith("/console/organizations/" + mine);
        HttpResponse<String> page = b.get("/console/organizations/" + mine);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Mine Inc").contains(admin.email()).doesNotContain("Theirs Ltd")
                .doesNotContain("href=\"/console/users\"");
        HttpResponse<String> list = b.get("/console/organizations");
        assertThat(list.body()).contains("Mine Inc").doesNotContain("Theirs Ltd");

        for (String path : List.of("/console/organizations/" + theirs, "/console/organizations/" + theirs + "/invitations",
                "/console/organizations/" + theirs + "/roles", "/console/organizations/" + theirs + "/settings",
                "/console/organizations/" + theirs + "/api-keys", "/console/organizations/switch?organization=" + theirs)) {
            HttpResponse<String> r = b.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).contains("ORGANIZATION_NOT_FOUND").doesNotContain("Theirs Ltd");
        }
        // a form aimed at the other organization (with a valid token) is refused the same way, and changes nothing
        HttpResponse<String> invitations = b.get("/console/organizations/" + mine + "/invitations");
        HttpResponse<String> invite = b.submit(invitations, "/console/organizations/" + mine + "/invitations", Map.of());
        assertThat(invite.statusCode()).isEqualTo(303); // the empty email: back to the form with the error
        assertThat(location(invite)).contains("error=VALIDATION_ERROR");
        Map<String, String> form = BrowserClient.hiddenFields(invitations.body(), "/console/organizations/" + mine + "/invitations");
        form.remove("back");
        form.put("email", "x@example.com");
        HttpResponse<String> foreign = b.post("/console/organizations/" + theirs + "/invitations", form);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM invitations WHERE organization_id = :o", "o", theirs)).isZero();

        for (String path : PLATFORM_PAGES) {
            HttpResponse<String> r = b.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).as(path).contains("INSUFFICIENT_PERMISSIONS");
        }
        assertThat(b.get("/console/users/" + owner.id()).statusCode()).isEqualTo(403);
    }

    @Test
    void everyConsoleFormNeedsItsCsrfToken() {
        Account admin = platformAdmin();
        Account target = newUser("c-csrf");
        BrowserClient b = signedIn(admin);
        HttpResponse<String> noToken = b.post("/console/users/" + target.id() + "/suspend", Map.of("reason", "x", "duration", "1h"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("CSRF_INVALID");
        HttpResponse<String> wrong = b.post("/console/users/" + target.id() + "/suspend",
                Map.of("_csrf", "forged", "reason", "x", "duration", "1h"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = :id AND status = 'suspended'", "id", target.id())).isZero();

        HttpResponse<String> ok = submit(b, "/console/users/" + target.id(), "/console/users/" + target.id() + "/suspend",
                Map.of("reason", "spam", "duration", "1h"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = :id AND status = 'suspended'", "id", target.id())).isOne();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
