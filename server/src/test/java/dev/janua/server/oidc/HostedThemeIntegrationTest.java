package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Themes of the hosted pages over HTTP: set per organization and per application through the admin
 * API, resolved for a sign-in by its client (application → organization → default), applied to the
 * pages of that flow, and every malformed or injected value refused with {@code THEME_INVALID}.
 */
class HostedThemeIntegrationTest extends OidcTestSupport {
    static final String REDIRECT = "https://themed.example.com/cb";

    record Person(String id, String token) {
        String[] auth() {
            return new String[] {"Authorization", Api.bearer(token)};
        }
    }

    Person person(String tag) {
        Api.Response up = signUp(uniqueEmail(tag));
        return new Person(up.text("/user/id"), accessToken(up));
    }

    String org(Person owner) {
        Api.Response r = api.post("/api/v1/organizations", Api.map("name", "Themed " + owner.id()), owner.auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.text("/id");
    }

    App orgApp(Person owner, String org, String name) {
        Api.Response r = api.post("/api/v1/applications", Api.map("name", name, "type", "confidential",
                "redirectUris", List.of(REDIRECT), "organizationId", org), owner.auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return new App(r.text("/id"), r.text("/clientId"), r.text("/clientSecret"), List.of(REDIRECT));
    }

    String css(App app) {
        HttpResponse<String> r = browser().get("/hosted/theme.css?client_id=" + app.clientId());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        return r.body();
    }

    @Test
    void anApplicationsThemeOverridesItsOrganizationsWhichOverridesTheDefault() {
        Person owner = person("theme-owner");
        String org = org(owner);
        App app = orgApp(owner, org, "Themed Portal");
        App plain = orgApp(owner, org, "Plain Portal");

        // nothing set: the default theme, the application's pages look like Janua's
        assertThat(css(app)).doesNotContain("--janua-primary");
        Api.Response orgTheme = api.put("/api/v1/organizations/" + org + "/theme", Api.map("brandColor", "#0A7D5A",
                "backgroundColor", "#f5f1e8", "radius", 2, "fontStack", "Georgia, serif"), owner.auth());
        assertThat(orgTheme.status()).as(orgTheme.raw().body()).isEqualTo(200);
        assertThat(orgTheme.text("/brandColor")).isEqualTo("#0a7d5a");
        assertThat(api.get("/api/v1/organizations/" + org + "/theme", owner.auth()).text("/fontStack")).isEqualTo("Georgia, serif");
        assertThat(css(app)).contains("--janua-primary: #0a7d5a;", "--janua-background: #f5f1e8;", "--janua-radius: 2px;",
                "--janua-font: \"Georgia\", serif;");

        // the application's own values win; what it does not set comes from the organization
        Api.Response appTheme = api.put("/api/v1/applications/" + app.id() + "/theme", Api.map("brandColor", "#b3261e",
                "logoUrl", "https://cdn.example.com/themed/logo.svg"), owner.auth());
        assertThat(appTheme.status()).as(appTheme.raw().body()).isEqualTo(200);
        assertThat(css(app)).contains("--janua-primary: #b3261e;", "--janua-background: #f5f1e8;", "--janua-radius: 2px;");
        assertThat(css(plain)).contains("--janua-primary: #0a7d5a;");
        assertThat(events("theme.updated", app.id())).isEqualTo(1);
        assertThat(events("theme.updated", org)).isEqualTo(1);

        // every page of that sign-in flow loads the theme and shows the logo and the application's name
        BrowserClient b = browser();
        HttpResponse<String> signIn = b.get(authorizeUrl(app, REDIRECT, "openid profile", "s", null, Pkce.create()));
        assertThat(signIn.statusCode()).isEqualTo(302);
        HttpResponse<String> page = b.get(location(signIn));
        assertThat(page.body()).contains("/hosted/theme.css?client_id=" + app.clientId(), "src=\"https://cdn.example.com/themed/logo.svg\"",
                ">Themed Portal<");
        String signUpLink = page.body().replaceAll("(?s).*href=\"(/hosted/sign-up\\?return_to=[^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(b.get(signUpLink).body()).contains("/hosted/theme.css?client_id=" + app.clientId());
        String email = uniqueEmail("theme-user");
        signUp(email);
        HttpResponse<String> consent = b.follow(b.submit(page, "/hosted/sign-in", Map.of("email", email, "password", PASSWORD)));
        assertThat(consent.body()).contains("action=\"/oauth2/authorize\"", "/hosted/theme.css?client_id=" + app.clientId(), "Themed Portal");
        // a sign-in without a client (the account page) keeps the default look
        assertThat(b.get("/hosted/account").body()).doesNotContain("/hosted/theme.css").contains(">Janua<");

        // removing the application's theme: back to the organization's; removing that: the default
        assertThat(api.delete("/api/v1/applications/" + app.id() + "/theme", null, owner.auth()).status()).isEqualTo(200);
        assertThat(css(app)).contains("--janua-primary: #0a7d5a;");
        assertThat(api.delete("/api/v1/organizations/" + org + "/theme", null, owner.auth()).status()).isEqualTo(200);
        assertThat(css(app)).doesNotContain("--janua-primary");
        assertThat(events("theme.deleted", app.id())).isEqualTo(1);
        // an unknown client: the same empty override as a client without a theme
        assertThat(browser().get("/hosted/theme.css?client_id=app_unknown").body()).doesNotContain("--janua-primary");
    }

    long themeRows(String ownerId) {
        return jdbc.sql("SELECT COUNT(*) FROM hosted_themes WHERE owner_id = :o").param("o", ownerId).query(Long.class).single();
    }

    @Test
    void concurrentFirstSavesOfOneOwnersThemeAllSucceedAndLeaveOneOfTheSentThemes() throws Exception {
        Person owner = person("theme-race");
        String org = org(owner);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> statuses = dev.janua.server.support.Concurrently.run(8, () -> {
            String color = String.format("#00000%d", next.getAndIncrement());
            Api.Response r = api.put("/api/v1/organizations/" + org + "/theme", Api.map("brandColor", color), owner.auth());
            return r.status();
        });
        assertThat(statuses).as("no 500 for the first save's race").containsOnly(200);
        assertThat(themeRows(org)).isEqualTo(1);
        assertThat(api.get("/api/v1/organizations/" + org + "/theme", owner.auth()).text("/brandColor")).matches("#00000[0-7]");
        assertThat(events("theme.updated", org)).isEqualTo(8);
    }

    @Test
    void deletingAnOrganizationOrAnApplicationDeletesItsTheme() {
        Person owner = person("theme-gone");
        String org = org(owner);
        App app = orgApp(owner, org, "Short-lived Portal");
        assertThat(api.put("/api/v1/organizations/" + org + "/theme", Api.map("brandColor", "#123456"), owner.auth()).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/applications/" + app.id() + "/theme", Api.map("brandColor", "#654321"), owner.auth()).status())
                .isEqualTo(200);
        assertThat(themeRows(app.id()) + themeRows(org)).isEqualTo(2);

        Api.Response appGone = api.delete("/api/v1/applications/" + app.id(), null, owner.auth());
        assertThat(appGone.status()).as(appGone.raw().body()).isIn(200, 204);
        assertThat(themeRows(app.id())).isZero();
        assertThat(themeRows(org)).isEqualTo(1);
        Api.Response orgGone = api.delete("/api/v1/organizations/" + org, null, owner.auth());
        assertThat(orgGone.status()).as(orgGone.raw().body()).isIn(200, 204);
        assertThat(themeRows(org)).isZero();
    }

    @Test
    void aCraftedLinkCannotPutAKnownApplicationsThemeOnJanuasOwnPages() {
        Person owner = person("theme-crafted");
        App app = orgApp(owner, org(owner), "Famous Bank");
        assertThat(api.put("/api/v1/applications/" + app.id() + "/theme", Api.map("brandColor", "#b3261e",
                "logoUrl", "https://cdn.example.com/bank/logo.svg"), owner.auth()).status()).isEqualTo(200);
        String id = java.net.URLEncoder.encode(app.clientId(), java.nio.charset.StandardCharsets.UTF_8);
        String authorize = java.net.URLEncoder.encode("/oauth2/authorize?client_id=" + id + "&response_type=code",
                java.nio.charset.StandardCharsets.UTF_8);
        // the legitimate shape (returning to that application's authorization request) is themed...
        assertThat(browser().get("/hosted/sign-in?return_to=" + authorize).body()).contains(">Famous Bank<");
        // ...but not a client named by the raw query, nor by a return target the sign-in refuses or that is no authorization request
        List<String> crafted = List.of(
                "/hosted/sign-in?client_id=" + id,
                "/hosted/sign-up?client_id=" + id,
                "/hosted/sign-in?return_to=" + java.net.URLEncoder.encode("https://evil.example/?client_id=" + id, java.nio.charset.StandardCharsets.UTF_8),
                "/hosted/sign-in?return_to=" + java.net.URLEncoder.encode("//evil.example/oauth2/authorize?client_id=" + id, java.nio.charset.StandardCharsets.UTF_8),
                "/hosted/sign-in?return_to=" + java.net.URLEncoder.encode("/hosted/account?client_id=" + id, java.nio.charset.StandardCharsets.UTF_8));
        for (String link : crafted) {
            HttpResponse<String> page = browser().get(link);
            assertThat(page.statusCode()).as(link).isEqualTo(200);
            assertThat(page.body()).as(link).doesNotContain("Famous Bank", "/hosted/theme.css", "cdn.example.com/bank").contains(">Janua<");
        }
    }

    HttpResponse<String> cssIfNoneMatch(App app, String etag) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser().base() + "/hosted/theme.css?client_id=" + app.clientId()));
        if (etag != null) request.header("If-None-Match", etag);
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theStylesheetIsCachedAndRevalidatedAndAChangedThemeGetsANewTagAndLink() throws Exception {
        Person owner = person("theme-cache");
        App app = orgApp(owner, org(owner), "Cached Portal");
        assertThat(api.put("/api/v1/applications/" + app.id() + "/theme", Api.map("brandColor", "#0a7d5a"), owner.auth()).status()).isEqualTo(200);
        HttpResponse<String> first = cssIfNoneMatch(app, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).isEqualTo("max-age=300");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        // revalidation: unchanged → 304 without a body
        HttpResponse<String> same = cssIfNoneMatch(app, etag);
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        // the hosted pages link this very version
        String authorize = java.net.URLEncoder.encode("/oauth2/authorize?client_id=" + app.clientId(), java.nio.charset.StandardCharsets.UTF_8);
        String v = etag.replace("\"", "");
        assertThat(browser().get("/hosted/sign-in?return_to=" + authorize).body()).contains("client_id=" + app.clientId() + "&amp;v=" + v);

        // a changed theme: a new tag (the old one no longer matches) and a new link
        assertThat(api.put("/api/v1/applications/" + app.id() + "/theme", Api.map("brandColor", "#b3261e"), owner.auth()).status()).isEqualTo(200);
        HttpResponse<String> changed = cssIfNoneMatch(app, etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("--janua-primary: #b3261e;");
        String newTag = changed.headers().firstValue("ETag").orElseThrow();
        assertThat(newTag).isNotEqualTo(etag);
        assertThat(browser().get("/hosted/sign-in?return_to=" + authorize).body())
                .contains("&amp;v=" + newTag.replace("\"", "")).doesNotContain("v=" + v);
    }

    @Test
    void injectedOrMalformedValuesAreRefusedWithAStableCodeAndNothingIsStored() {
        Person owner = person("theme-inject");
        String org = org(owner);
        App app = orgApp(owner, org, "Injected");
        List<Map<String, Object>> attempts = List.of(
                Map.of("brandColor", "#000000;}body{display:none"),
                Map.of("brandColor", "red"),
                Map.of("backgroundColor", "url(https://evil.example/x)"),
                Map.of("textColor", "#ffffff</style><script>alert(1)</script>"),
                Map.of("logoUrl", "javascript:alert(1)"),
                Map.of("logoUrl", "http://cdn.example.com/logo.png"),
                Map.of("logoUrl", "https://cdn.example.com/x.png\" onerror=\"alert(1)"),
                Map.of("logoUrl", "data:image/svg+xml,<svg onload=alert(1)>"),
                Map.of("fontStack", "Arial; } body { display: none"),
                Map.of("fontStack", "Arial\", url(https://evil.example/f)"),
                Map.of("radius", 1000));
        int refused = 0;
        for (Map<String, Object> attempt : attempts) {
            for (String path : List.of("/api/v1/organizations/" + org + "/theme", "/api/v1/applications/" + app.id() + "/theme")) {
                Api.Response r = api.put(path, attempt, owner.auth());
                assertThat(r.status()).as(path + " " + attempt).isEqualTo(422);
                assertThat(r.errorCode()).isEqualTo("THEME_INVALID");
                assertThat(r.text("/error/details/field")).isEqualTo(attempt.keySet().iterator().next());
                refused++;
            }
        }
        assertThat(refused).isEqualTo(22);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hosted_themes WHERE owner_id IN (:o)").param("o", List.of(org, app.id()))
                .query(Long.class).single()).isZero();
        assertThat(css(app)).doesNotContain("--janua-primary");
    }

    @Test
    void onlyThoseWhoManageTheOrganizationOrApplicationMayReadOrChangeItsTheme() {
        Person owner = person("theme-perm-owner");
        String org = org(owner);
        App app = orgApp(owner, org, "Guarded");
        Person member = person("theme-perm-member");
        Api.Response added = api.post("/api/v1/organizations/" + org + "/members", Api.map("userId", member.id(), "role", "member"),
                "Authorization", Api.bearer(adminToken()));
        assertThat(added.status()).isEqualTo(201);
        Person outsider = person("theme-perm-outsider");
        Map<String, Object> theme = Map.of("brandColor", "#123456");
        int refused = 0;
        for (Person p : List.of(member, outsider)) {
            for (String path : List.of("/api/v1/organizations/" + org + "/theme", "/api/v1/applications/" + app.id() + "/theme")) {
                // outside the organization, its id is not found (the organizations module's rule: ids reveal nothing)
                int expected = p == outsider && path.contains("/organizations/") ? 404 : 403;
                assertThat(api.put(path, theme, p.auth()).status()).as(path).isEqualTo(expected);
                assertThat(api.get(path, p.auth()).status()).as(path).isEqualTo(expected);
                assertThat(api.delete(path, null, p.auth()).status()).as(path).isEqualTo(expected);
                refused += 3;
            }
        }
        // another organization's application id, and no credentials at all
        assertThat(api.put("/api/v1/applications/app_doesnotexist/theme", theme, owner.auth()).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/organizations/" + org + "/theme", theme).status()).isEqualTo(401);
        refused += 2;
        assertThat(refused).isEqualTo(14);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hosted_themes WHERE owner_id IN (:o)").param("o", List.of(org, app.id()))
                .query(Long.class).single()).isZero();
        // a platform admin may
        assertThat(api.put("/api/v1/organizations/" + org + "/theme", theme, "Authorization", Api.bearer(adminToken())).status())
                .isEqualTo(200);
    }
}
