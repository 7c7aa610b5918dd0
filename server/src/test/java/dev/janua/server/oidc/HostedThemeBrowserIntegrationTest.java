package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two applications with different themes (one set on the organization and refined by the
 * application, one on the application alone), their sign-in pages in headless Chromium: the browser
 * applies each theme's colours, radius and logo under the Content-Security-Policy, and the
 * screenshots go to {@code docs/screenshots/theme-*.png}.
 */
class HostedThemeBrowserIntegrationTest extends OidcTestSupport {
    static final String LOGO_A = "https://cdn.example.test/northwind/logo.svg";
    static final String LOGO_B = "https://cdn.example.test/harbor/logo.svg";

    @Test
    void twoApplicationsSignInPagesShowTheirOwnThemesInARealBrowser() throws Exception {
        String admin = adminToken();
        Api.Response org = api.post("/api/v1/organizations", Api.map("name", "Northwind"), "Authorization", Api.bearer(admin));
        assertThat(org.status()).isEqualTo(201);
        String orgId = org.text("/id");
        App northwind = register("name", "Northwind Portal", "type", "confidential", "organizationId", orgId,
                "redirectUris", List.of("https://northwind.example.com/cb"), "scopes", List.of("openid", "profile", "email"));
        App harbor = register("name", "Harbor Notes", "type", "confidential",
                "redirectUris", List.of("https://harbor.example.com/cb"), "scopes", List.of("openid", "profile", "email"));
        put("/api/v1/organizations/" + orgId + "/theme", Map.of("brandColor", "#0a7d5a", "backgroundColor", "#eef4f0",
                "textColor", "#14261d", "fontStack", "Georgia, serif"), admin);
        put("/api/v1/applications/" + northwind.id() + "/theme", Map.of("radius", 2, "logoUrl", LOGO_A), admin);
        put("/api/v1/applications/" + harbor.id() + "/theme", Map.of("brandColor", "#ffb000", "backgroundColor", "#141b2d",
                "radius", 18, "logoUrl", LOGO_B, "fontStack", "Trebuchet MS, sans-serif"), admin);
        String email = uniqueEmail("themed");
        signUp(email);

        Map<String, Object> cfg = Map.of("screenshotsDir", OidcBrowserIntegrationTest.SCREENSHOTS.toAbsolutePath().normalize().toString(),
                "logos", Map.of(LOGO_A, logo("#0a7d5a", "N"), LOGO_B, logo("#ffb000", "H")),
                "steps", List.of(
                        Map.of("url", loopback() + authorizeUrl(northwind, "https://northwind.example.com/cb", "openid profile email", "s1", null,
                                Pkce.create()), "waitFor", "form[action=\"/hosted/sign-in\"]", "shot", "theme-northwind-sign-in"),
                        Map.of("signIn", Map.of("email", email, "password", PASSWORD), "waitFor", "form[action=\"/oauth2/authorize\"]",
                                "shot", "theme-northwind-consent"),
                        Map.of("clearCookies", true, "url", loopback() + authorizeUrl(harbor, "https://harbor.example.com/cb",
                                "openid profile email", "s2", null, Pkce.create()), "waitFor", "form[action=\"/hosted/sign-in\"]",
                                "shot", "theme-harbor-sign-in")));
        JsonNode result = HostedMfaEnrolmentBrowserIntegrationTest.run("themed-sign-in.mjs", JSON.writeValueAsString(cfg));
        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("consoleErrors").valueStream().toList()).as("CSP violations, failed loads").isEmpty();
        JsonNode north = result.path("pages").get(0);
        JsonNode consent = result.path("pages").get(1);
        JsonNode harborPage = result.path("pages").get(2);
        assertThat(north.path("buttonBackground").asString()).isEqualTo("rgb(10, 125, 90)");
        assertThat(north.path("pageBackground").asString()).isEqualTo("rgb(238, 244, 240)");
        assertThat(north.path("radius").asString()).isEqualTo("2px");
        assertThat(north.path("logoLoaded").asBoolean()).isTrue();
        assertThat(north.path("brandName").asString()).isEqualTo("Northwind Portal");
        assertThat(consent.path("buttonBackground").asString()).as("the consent page of the same flow").isEqualTo("rgb(10, 125, 90)");
        assertThat(harborPage.path("buttonBackground").asString()).isEqualTo("rgb(255, 176, 0)");
        assertThat(harborPage.path("pageBackground").asString()).isEqualTo("rgb(20, 27, 45)");
        assertThat(harborPage.path("radius").asString()).isEqualTo("18px");
        assertThat(harborPage.path("logoLoaded").asBoolean()).isTrue();
        for (String shot : List.of("theme-northwind-sign-in", "theme-northwind-consent", "theme-harbor-sign-in")) {
            assertThat(OidcBrowserIntegrationTest.SCREENSHOTS.resolve(shot + ".png")).exists();
        }
    }

    private void put(String path, Map<String, Object> body, String admin) {
        Api.Response r = api.put(path, body, "Authorization", Api.bearer(admin));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    }

    private static String logo(String color, String letter) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"32\" viewBox=\"0 0 32 32\">"
                + "<rect width=\"32\" height=\"32\" rx=\"6\" fill=\"" + color + "\"/>"
                + "<text x=\"16\" y=\"22\" font-family=\"sans-serif\" font-size=\"18\" font-weight=\"700\" fill=\"#fff\" text-anchor=\"middle\">"
                + letter + "</text></svg>";
    }

    /** The browser reaches the server at 127.0.0.1, exempt from the per-IP limits in tests ("localhost" may be ::1, which is not). */
    private String loopback() {
        return "http://127.0.0.1:" + port;
    }
}
