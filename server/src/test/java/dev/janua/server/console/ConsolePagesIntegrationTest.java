package dev.janua.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A platform admin works through the console over plain HTTP: every page renders, lists page and
 * filter, actions change what the API changes and are audited with the admin as the actor,
 * secrets are shown once, destructive actions need their confirmation.
 */
class ConsolePagesIntegrationTest extends ConsoleTestSupport {

    @Test
    void everyPlatformPageRendersForAPlatformAdmin() {
        Account admin = platformAdmin();
        String org = createOrg(admin, "name", "Render Co");
        BrowserClient b = signedIn(admin);
        for (String path : List.of("/console", "/console?period=7d", "/console/users", "/console/users?q=admin&status=active&verified=no&mfa=no",
                "/console/users/" + admin.id(), "/console/organizations", "/console/organizations/" + org,
                "/console/organizations/" + org + "/invitations", "/console/organizations/" + org + "/roles",
                "/console/organizations/" + org + "/settings", "/console/organizations/" + org + "/api-keys", "/console/audit",
                "/console/audit?type=user.created&from=2020-01-01", "/console/webhooks", "/console/applications", "/console/sessions",
                "/console/settings", "/console/users?lang=es", "/console/users?lang=fr", "/console/users?lang=de",
                "/console/organizations/" + org + "/sso", "/console/organizations/" + org + "/scim", "/console/organizations/" + org + "/audit",
                "/console/audit?actor=" + admin.id() + "&target=" + org, "/console/organizations/" + org + "/sso?lang=de",
                "/console/organizations/" + org + "/scim?lang=fr", "/console/organizations/" + org + "/audit?lang=es",
                "/console/users/" + admin.id() + "?lang=fr")) {
            HttpResponse<String> r = b.get(path);
            assertThat(r.statusCode()).as(path + "\n" + r.body()).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain("??").contains("<main");
        }
        assertThat(b.get("/console/users?lang=de").body()).contains("Benutzer");
        assertThat(b.get("/console/users?lang=en").body()).contains("Users");
        assertThat(b.get("/console/organizations/" + org + "/sso?lang=de").body()).contains("E-Mail-Domains");
        assertThat(b.get("/console/organizations/" + org + "/scim?lang=es").body()).contains("Crear un token SCIM");
        assertThat(b.get("/console/users/" + admin.id() + "?lang=fr").body()).contains("Clés d’accès");
        b.get("/console/users?lang=en");
        HttpResponse<String> bad = b.get("/console/users?verified=maybe");
        assertThat(bad.statusCode()).isEqualTo(422); // VALIDATION_ERROR, as the API answers it
        assertThat(bad.body()).contains("VALIDATION_ERROR");
        assertThat(b.get("/console/audit/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void theBrandingPreviewShowsTheApplicationsThemeScopedToThePreview() {
        Account admin = platformAdmin();
        Api.Response app = api.post("/api/v1/applications", Api.map("name", "Preview Portal",
                "type", "confidential", "redirectUris", List.of("https://preview.example.com/cb")), admin.auth());
        assertThat(app.status()).as(app.raw().body()).isEqualTo(201);
        String id = app.text("/id"), clientId = app.text("/clientId");
        BrowserClient b = signedIn(admin);

        // no theme: Janua's own mark on the preview, no theme stylesheet
        String plain = b.get("/console/applications/" + id).body();
        assertThat(plain).contains("id=\"preview-sign-in\"", ">Janua<").doesNotContain("/hosted/theme.css");

        Api.Response theme = api.put("/api/v1/applications/" + id + "/theme", Api.map(
                "brandColor", "#b3261e", "logoUrl", "https://cdn.example.com/preview/logo.svg"), admin.auth());
        assertThat(theme.status()).as(theme.raw().body()).isEqualTo(200);
        String themed = b.get("/console/applications/" + id).body();
        assertThat(themed).contains("/hosted/theme.css?client_id=" + clientId + "&amp;scope=preview",
                "src=\"https://cdn.example.com/preview/logo.svg\"", ">Preview Portal<");
        // the preview's stylesheet sets the variables on the preview only; the sign-in's on the whole page
        String previewCss = b.get("/hosted/theme.css?client_id=" + clientId + "&scope=preview").body();
        assertThat(previewCss).contains(".preview-row {", "--janua-primary: #b3261e;").doesNotContain(":root");
        assertThat(b.get("/hosted/theme.css?client_id=" + clientId + "&scope=anything").body()).contains(":root {").doesNotContain(".preview-row");
    }

    @Test
    void usersAreFoundFilteredPagedAndSuspendedWithTheAdminAsTheAuditedActor() {
        Account admin = platformAdmin();
        String tag = "findme" + System.nanoTime();
        List<Account> people = new java.util.ArrayList<>();
        for (int i = 0; i < 27; i++) people.add(newUser(tag + "-" + i));
        BrowserClient b = signedIn(admin);
        HttpResponse<String> first = b.get("/console/users?q=" + tag);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(occurrences(first.body(), "href=\"/console/users/usr")).isEqualTo(25);
        String next = between(first.body(), "rel=\"next\" href=\"", "\"").replace("&amp;", "&");
        HttpResponse<String> second = b.get(next);
        assertThat(occurrences(second.body(), "href=\"/console/users/usr")).isEqualTo(2);
        assertThat(second.body()).doesNotContain("rel=\"next\"");

        Account target = people.getFirst();
        HttpResponse<String> suspended = submit(b, "/console/users/" + target.id(), "/console/users/" + target.id() + "/suspend",
                Map.of("reason", "chargeback fraud", "duration", "7d"));
        assertThat(suspended.statusCode()).isEqualTo(303);
        assertThat(location(suspended)).endsWith("/console/users/" + target.id() + "?done=suspended");
        HttpResponse<String> userPage = b.get(location(suspended));
        assertThat(userPage.body()).contains("chargeback fraud").contains("role=\"status\"");
        java.util.regex.Matcher recent = java.util.regex.Pattern.compile("href=\"/console/audit/(\\d+)\">user.suspended<").matcher(userPage.body());
        assertThat(recent.find()).as("the recent audit entries link to their chain position").isTrue();
        assertThat(b.get("/console/audit/" + recent.group(1)).body()).contains("user.suspended").contains("chargeback fraud");
        assertThat(b.get("/console/users?q=" + tag + "&status=suspended").body()).contains(target.email())
                .doesNotContain(people.get(1).email());
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'user.suspended' AND subject_id = :u AND actor_id = :a",
                "u", target.id(), "a", admin.id())).isOne();
        assertThat(api.get("/api/v1/auth/me", target.auth()).status()).isEqualTo(401); // their sessions ended

        // a bad duration goes back to the form with the error shown there
        HttpResponse<String> badDuration = submit(b, "/console/users/" + people.get(1).id(), "/console/users/" + people.get(1).id()
                + "/suspend", Map.of("reason", "x", "duration", "forever"));
        assertThat(badDuration.statusCode()).isEqualTo(303);
        assertThat(location(badDuration)).contains("error=VALIDATION_ERROR");
        assertThat(b.get(location(badDuration)).body()).contains("role=\"alert\"");
    }

    @Test
    void userActionsCallTheSharedServicesAndDestructiveOnesNeedConfirmation() {
        Account admin = platformAdmin();
        Account target = newUser("c-actions");
        BrowserClient b = signedIn(admin);
        String page = "/console/users/" + target.id();

        HttpResponse<String> unconfirmed = submit(b, page, page + "/sessions/revoke", Map.of());
        assertThat(location(unconfirmed)).contains("error=VALIDATION_ERROR");
        assertThat(api.get("/api/v1/auth/me", target.auth()).status()).isEqualTo(200);
        assertThat(location(submit(b, page, page + "/sessions/revoke", Map.of("confirm", "yes")))).contains("done=sessions_revoked");
        assertThat(api.get("/api/v1/auth/me", target.auth()).status()).isEqualTo(401);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'user.sessions_revoked' AND subject_id = :u AND actor_id = :a",
                "u", target.id(), "a", admin.id())).isOne();

        assertThat(location(submit(b, page, page + "/password-reset", Map.of()))).contains("done=password_reset_sent");
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'user.password_reset_sent' AND subject_id = :u AND actor_id = :a",
                "u", target.id(), "a", admin.id())).isOne();

        HttpResponse<String> wrongName = submit(b, page, page + "/delete", Map.of("confirmEmail", "someone@else.example"));
        assertThat(location(wrongName)).contains("error=VALIDATION_ERROR");
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = :u", "u", target.id())).isOne();
        HttpResponse<String> deleted = submit(b, page, page + "/delete", Map.of("confirmEmail", target.email()));
        assertThat(location(deleted)).endsWith("/console/users?done=user_deleted");
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = :u", "u", target.id())).isZero();
    }

    @Test
    void organizationAdminsInviteCreateRolesAndSeeAnApiKeySecretOnce() {
        Account owner = newUser("c-orgowner");
        String org = createOrg(owner, "name", "Keys Ltd");
        Account orgAdmin = memberOf(org, "admin", "c-keyadmin");
        BrowserClient b = signedIn(orgAdmin);
        String base = "/console/organizations/" + org;

        HttpResponse<String> invited = submit(b, base + "/invitations", base + "/invitations",
                Map.of("email", "invitee-" + System.nanoTime() + "@example.com", "role", "member"));
        assertThat(location(invited)).contains("done=invitation_sent");
        assertThat(count("SELECT COUNT(*) FROM invitations WHERE organization_id = :o", "o", org)).isOne();

        HttpResponse<String> role = b.postMulti(base + "/roles", Map.of("_csrf",
                BrowserClient.hiddenFields(b.get(base + "/roles").body(), base + "/roles").get("_csrf"),
                "name", "Auditor", "key", "auditor", "permissions", "members:read\u0000roles:read"));
        assertThat(role.statusCode()).as(role.body()).isEqualTo(303);
        assertThat(b.get(base + "/roles").body()).contains("auditor").contains("members:read, roles:read");
        // an organization admin cannot grant what they do not hold (the API's rule)
        HttpResponse<String> tooMuch = b.postMulti(base + "/roles", Map.of("_csrf",
                BrowserClient.hiddenFields(b.get(base + "/roles").body(), base + "/roles").get("_csrf"), "back", base + "/roles",
                "name", "Deleter", "permissions", "organization:delete"));
        assertThat(location(tooMuch)).contains("error=INSUFFICIENT_PERMISSIONS");

        HttpResponse<String> created = b.postMulti(base + "/api-keys", Map.of("_csrf",
                BrowserClient.hiddenFields(b.get(base + "/api-keys").body(), base + "/api-keys").get("_csrf"),
                "name", "CI", "permissions", "members:read"));
        assertThat(created.statusCode()).isEqualTo(200);
        String secret = between(created.body(), "id=\"new-secret\">", "<");
        assertThat(secret).startsWith("sk_");
        assertThat(api.get("/api/v1/organizations/" + org + "/members", "Authorization", "Bearer " + secret).status()).isEqualTo(200);
        assertThat(b.get(base + "/api-keys").body()).doesNotContain(secret).contains("CI");
    }

    @Test
    void theAuditLogFiltersVerifiesAndExports() {
        Account admin = platformAdmin();
        Account someone = newUser("c-audited");
        BrowserClient b = signedIn(admin);
        HttpResponse<String> filtered = b.get("/console/audit?type=user.created&user=" + someone.id());
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(occurrences(filtered.body(), "href=\"/console/audit/")).isGreaterThanOrEqualTo(1);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"/console/audit/(\\d+)\"").matcher(filtered.body());
        assertThat(link.find()).isTrue();
        String position = link.group(1);
        HttpResponse<String> entry = b.get("/console/audit/" + position);
        assertThat(entry.body()).contains("id=\"chain-position\">" + position).contains("user.created");

        HttpResponse<String> verified = submit(b, "/console/audit", "/console/audit/verify", Map.of());
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("id=\"verification\"").contains("The chain is intact.");

        HttpResponse<String> csv = b.get("/console/audit/export?format=csv&type=user.created&user=" + someone.id());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,position,timestamp").contains(someone.id());
        HttpResponse<String> jsonl = b.get("/console/audit/export?format=jsonl&user=" + someone.id());
        assertThat(jsonl.body().lines().findFirst().orElse("")).startsWith("{").contains(someone.id());
    }

    static int occurrences(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
        return n;
    }

    static String between(String s, String start, String end) {
        int i = s.indexOf(start);
        assertThat(i).as("no " + start).isNotNegative();
        int from = i + start.length();
        return s.substring(from, s.indexOf(end, from));
    }
}
