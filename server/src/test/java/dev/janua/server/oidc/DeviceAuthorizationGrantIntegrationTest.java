package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.BrowserClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The device authorization grant (RFC 8628) end to end over HTTP: a device asks for codes, polls,
 * a person signs in on the hosted code-entry page, types the code, consents, and the device's next
 * poll gets tokens — plus the refusals, counted.
 */
class DeviceAuthorizationGrantIntegrationTest extends OidcTestSupport {
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    @Test
    void aPublicDeviceConnectsAfterThePersonSignsInTypesTheCodeAndConsents() {
        App tv = register("name", "Living-room TV", "type", "public", "grantTypes", List.of(DEVICE_GRANT));
        JsonNode codes = deviceAuthorization(tv, null, "profile email");
        String userCode = codes.path("user_code").asString();
        assertThat(userCode).matches("[B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}");
        assertThat(codes.path("verification_uri").asString()).endsWith("/hosted/device");
        assertThat(codes.path("verification_uri_complete").asString()).contains("user_code=" + userCode);
        assertThat(codes.path("expires_in").asInt()).isPositive();
        assertThat(pollError(tv, null, codes)).isEqualTo("authorization_pending");
        assertThat(json(getWithBearer("/.well-known/openid-configuration", "x")).path("device_authorization_endpoint").asString())
                .endsWith("/oauth2/device_authorization");

        // the person opens verification_uri_complete on their phone: sign-in first, then back with the code filled in
        BrowserClient b = browser();
        String email = "device-" + System.nanoTime() + "@example.com";
        String userId = signUp(email).text("/user/id");
        HttpResponse<String> toSignIn = b.get(URI.create(codes.path("verification_uri_complete").asString()).getRawPath() + "?user_code=" + userCode);
        assertThat(toSignIn.statusCode()).isEqualTo(303);
        HttpResponse<String> signedIn = submitPassword(b, location(toSignIn), email, PASSWORD);
        HttpResponse<String> page = b.follow(signedIn);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"" + userCode + "\"").contains("action=\"/oauth2/device_verification\"");

        // typed in lower case without the dash: the same code
        HttpResponse<String> consent = b.follow(b.get("/oauth2/device_verification?user_code=" + userCode.replace("-", "").toLowerCase()));
        assertThat(consent.body()).contains("action=\"/oauth2/device_verification\"").contains("Living-room TV");
        HttpResponse<String> done = b.follow(postRaw(b, "/oauth2/device_verification", consentForm(consent.body(), true)));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Device connected");

        HttpResponse<String> tokens = poll(tv, null, codes);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode t = json(tokens);
        assertThat(t.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(t.has("refresh_token")).as("public apps get no refresh token").isFalse();
        JsonNode claims = jwtClaims(t.path("access_token").asString());
        assertThat(claims.path("sub").asString()).isEqualTo(userId);
        assertThat(claims.path("aud").toString()).contains(tv.clientId());
        assertThat(claims.path("scope").toString()).contains("profile").contains("email");
        // spent once: Spring Authorization Server answers a second redemption with access_denied
        assertThat(pollError(tv, null, codes)).as("a device code is spent once").isIn("invalid_grant", "access_denied");
    }

    @Test
    void evenAFirstPartyDeviceIsConfirmedByThePersonAndAConfidentialOneGetsARefreshToken() {
        App cli = register("name", "Janua CLI", "type", "confidential", "firstParty", true,
                "grantTypes", List.of(DEVICE_GRANT, "refresh_token"));
        JsonNode codes = deviceAuthorization(cli, cli.secret(), "profile");
        BrowserClient b = browser();
        signedInBrowser(b, "cli-" + System.nanoTime() + "@example.com");
        // RFC 8628 §5.4 (remote phishing): the person confirms which app gets the device, first-party or not
        HttpResponse<String> consent = b.follow(b.get("/oauth2/device_verification?user_code=" + codes.path("user_code").asString()));
        assertThat(consent.body()).contains("Janua CLI").contains("action=\"/oauth2/device_verification\"");
        HttpResponse<String> done = b.follow(postRaw(b, "/oauth2/device_verification", consentForm(consent.body(), true)));
        assertThat(done.body()).contains("Device connected");
        HttpResponse<String> tokens = poll(cli, cli.secret(), codes);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(json(tokens).path("refresh_token").asString()).isNotBlank();
    }

    @Test
    void refusalsAreCountedAndNoneIsAccepted() {
        App tv = register("name", "TV", "type", "public", "grantTypes", List.of(DEVICE_GRANT));
        App webOnly = register("name", "Web only", "type", "public", "redirectUris", List.of("https://app.example.com/cb"));
        App confidential = register("name", "Confidential", "type", "confidential",
                "grantTypes", List.of(DEVICE_GRANT, "authorization_code"), "redirectUris", List.of("https://app.example.com/cb"));
        List<String> accepted = new ArrayList<>();
        int cases = 0;

        // client authentication at the device authorization endpoint
        cases++; expectStatus(accepted, "app without the device grant", deviceAuthorizationRaw(webOnly, null, "profile"), 401);
        cases++; expectStatus(accepted, "unknown client_id", deviceAuthorizationRaw(new App("x", "nobody", null, List.of()), null, "profile"), 401);
        cases++; expectStatus(accepted, "confidential app without its secret", deviceAuthorizationRaw(confidential, null, "profile"), 401);
        cases++; expectStatus(accepted, "confidential app with a wrong secret", deviceAuthorizationRaw(confidential, "wrong", "profile"), 401);
        cases++; expectStatus(accepted, "scope the app was not given", deviceAuthorizationRaw(tv, null, "profile admin:everything"), 400);
        cases++; expectStatus(accepted, "openid (no ID token in this grant)", deviceAuthorizationRaw(tv, null, "openid"), 400);

        // the person's side
        JsonNode codes = deviceAuthorization(tv, null, "profile");
        BrowserClient b = browser();
        signedInBrowser(b, "refusals-" + System.nanoTime() + "@example.com");
        HttpResponse<String> wrong = b.get("/oauth2/device_verification?user_code=BCDF-GHJK");
        cases++; expectRedirect(accepted, "a code nobody was given", wrong, "/hosted/device?error=invalid_grant");
        assertThat(b.follow(wrong).body()).contains("not valid or has expired");
        BrowserClient stranger = browser();
        HttpResponse<String> anonymous = stranger.get("/oauth2/device_verification?user_code=" + codes.path("user_code").asString());
        cases++; expectRedirectStartsWith(accepted, "verification without signing in", anonymous, "/hosted/sign-in?return_to=");
        HttpResponse<String> consent = b.follow(b.get("/oauth2/device_verification?user_code=" + codes.path("user_code").asString()));
        Map<String, String> noCsrf = new LinkedHashMap<>(BrowserClient.hiddenFields(consent.body(), "/oauth2/device_verification"));
        noCsrf.remove("_csrf");
        cases++; expectStatus(accepted, "consent without the CSRF token", b.post("/oauth2/device_verification", noCsrf), 400, 403);

        // the device's side before approval
        cases++; expectError(accepted, "poll before approval", poll(tv, null, codes), "authorization_pending");
        cases++; expectError(accepted, "another app polls with this device code",
                poll(register("name", "Other TV", "type", "public", "grantTypes", List.of(DEVICE_GRANT)), null, codes), "invalid_grant");
        cases++; expectError(accepted, "a made-up device code", poll(tv, null, ((tools.jackson.databind.node.ObjectNode) codes.deepCopy()).put("device_code", "made-up")), "invalid_grant");

        // denial
        HttpResponse<String> denied = postRaw(b, "/oauth2/device_verification", consentForm(consent.body(), false));
        cases++; expectRedirect(accepted, "deny", denied, "/hosted/device?error=access_denied");
        cases++; expectError(accepted, "poll after the person denied", poll(tv, null, codes), "access_denied");
        cases++; expectRedirect(accepted, "the denied code typed again", b.get("/oauth2/device_verification?user_code=" + codes.path("user_code").asString()),
                "/hosted/device?error=invalid_grant");

        assertThat(accepted).as("accepted out of " + cases + " refusals").isEmpty();
        assertThat(cases).isEqualTo(15);
    }

    // --- the device's requests

    private JsonNode deviceAuthorization(App app, String secret, String scope) {
        HttpResponse<String> r = deviceAuthorizationRaw(app, secret, scope);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private HttpResponse<String> deviceAuthorizationRaw(App app, String secret, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        if (secret == null) form.put("client_id", app.clientId());
        form.put("scope", scope);
        return tokenPost("/oauth2/device_authorization", app, secret, form);
    }

    private HttpResponse<String> poll(App app, String secret, JsonNode codes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", DEVICE_GRANT);
        form.put("device_code", codes.path("device_code").asString());
        if (secret == null) form.put("client_id", app.clientId());
        return tokenPost("/oauth2/token", app, secret, form);
    }

    private String pollError(App app, String secret, JsonNode codes) {
        HttpResponse<String> r = poll(app, secret, codes);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return json(r).path("error").asString();
    }

    /** The consent form's fields; approving ticks every scope offered, denying sends none. */
    private static String consentForm(String html, boolean approve) {
        String fields = BrowserClient.encode(BrowserClient.hiddenFields(html, "/oauth2/device_verification"));
        if (!approve) return fields;
        Matcher m = Pattern.compile("name=\"scope\"[^>]*value=\"([^\"]+)\"").matcher(html);
        StringBuilder scopes = new StringBuilder(fields);
        while (m.find()) scopes.append("&scope=").append(URLEncoder.encode(m.group(1), StandardCharsets.UTF_8));
        return scopes.toString();
    }

    private static JsonNode jwtClaims(String jwt) {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** A redirect's target on this server as path and query, whether the server sent it absolute or not. */
    private static String pathOf(String location) {
        if (location == null) return null;
        URI u = URI.create(location);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    // --- counting refusals

    private static void expectStatus(List<String> accepted, String what, HttpResponse<String> r, int... statuses) {
        for (int s : statuses) if (r.statusCode() == s) return;
        accepted.add(what + " → " + r.statusCode() + " " + r.body());
    }

    private static void expectError(List<String> accepted, String what, HttpResponse<String> r, String error) {
        if (r.statusCode() == 400 && error.equals(json(r).path("error").asString())) return;
        accepted.add(what + " → " + r.statusCode() + " " + r.body());
    }

    private static void expectRedirect(List<String> accepted, String what, HttpResponse<String> r, String target) {
        if (r.statusCode() / 100 == 3 && target.equals(pathOf(location(r)))) return;
        accepted.add(what + " → " + r.statusCode() + " " + location(r));
    }

    private static void expectRedirectStartsWith(List<String> accepted, String what, HttpResponse<String> r, String prefix) {
        String loc = pathOf(location(r));
        if (r.statusCode() / 100 == 3 && loc != null && loc.startsWith(prefix)) return;
        accepted.add(what + " → " + r.statusCode() + " " + loc);
    }
}
