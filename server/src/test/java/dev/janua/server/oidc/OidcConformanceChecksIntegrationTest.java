package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.BrowserClient;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenID Foundation conformance suite needs Docker, which this machine does not run; these are
 * its checks ported as tests. {@code oidcc-config-certification-test-plan}: the discovery document
 * (OpenID Connect Discovery 1.0 §3, §4.3) and the JWK set it points to. {@code oidcc-basic-certification-test-plan}:
 * the modules that need no human (named in each test), beside those the other OIDC tests already
 * cover (code flow, code reuse, redirect-URI mismatch: see docs/oidc-provider.md).
 */
class OidcConformanceChecksIntegrationTest extends OidcTestSupport {
    static final String REDIRECT = "https://conformance.example.com/callback";

    // ---- config profile

    @Test
    void discoveryDocumentHasEveryRequiredFieldAndItsIssuerIsTheUrlItWasFetchedFrom() {
        JsonNode d = json(getWithBearer("/.well-known/openid-configuration", "unused"));
        // §4.3: the issuer is identical to the URL the document was fetched under, minus the well-known suffix
        assertThat(d.path("issuer").asString()).isEqualTo(base());
        for (String required : List.of("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "response_types_supported",
                "subject_types_supported", "id_token_signing_alg_values_supported", "userinfo_endpoint")) {
            assertThat(d.has(required)).as("required field " + required).isTrue();
        }
        assertThat(values(d, "response_types_supported")).contains("code");
        assertThat(values(d, "subject_types_supported")).containsAnyOf("public", "pairwise");
        assertThat(values(d, "id_token_signing_alg_values_supported")).contains("RS256").doesNotContain("none");
        assertThat(values(d, "scopes_supported")).contains("openid");
        assertThat(values(d, "token_endpoint_auth_methods_supported")).contains("client_secret_basic", "client_secret_post");
        assertThat(values(d, "grant_types_supported")).contains("authorization_code", "refresh_token",
                "urn:ietf:params:oauth:grant-type:device_code");
        for (String endpoint : List.of("authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint")) {
            assertThat(d.path(endpoint).asString()).as(endpoint + " is under the issuer").startsWith(d.path("issuer").asString() + "/");
        }
    }

    @Test
    void jwkSetHasOnlyPublicSigningKeysWithUniqueIdsAndStrongModuli() {
        JsonNode keys = json(getWithBearer("/.well-known/jwks.json", "unused")).path("keys");
        assertThat(keys.size()).isPositive();
        Set<String> kids = new HashSet<>();
        for (JsonNode k : keys) {
            assertThat(k.path("kty").asString()).isIn("RSA", "EC", "OKP");
            assertThat(kids.add(k.path("kid").asString())).as("kid unique and present: " + k).isTrue();
            assertThat(k.path("use").isMissingNode() || "sig".equals(k.path("use").asString())).isTrue();
            for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi")) assertThat(k.has(privatePart)).as("private " + privatePart).isFalse();
            if ("RSA".equals(k.path("kty").asString())) {
                assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(k.path("n").asString())).bitLength()).isGreaterThanOrEqualTo(2048);
            }
        }
    }

    // ---- basic profile (modules named after the suite's)

    @Test
    void oidccPromptNoneNotLoggedIn_returnsLoginRequiredToTheClient() {
        App app = conformanceApp();
        String url = authorizeUrl(app, REDIRECT, "openid", "st-none", "n1", Pkce.create()) + "&prompt=none";
        HttpResponse<String> r = browser().get(url);
        assertThat(r.statusCode()).isEqualTo(302);
        Map<String, String> q = query(location(r));
        assertThat(location(r)).startsWith(REDIRECT + "?");
        assertThat(q).containsEntry("error", "login_required").containsEntry("state", "st-none");
        // never to a redirect URI that is not registered, prompt=none or not
        HttpResponse<String> evil = browser().get(authorizeUrl(app, "https://evil.example/cb", "openid", "s", "n", Pkce.create()) + "&prompt=none");
        assertThat(evil.statusCode()).isEqualTo(400);
        assertThat(location(evil)).isNull();
        // signed in, prompt=none just works
        BrowserClient b = browser();
        String email = uniqueEmail("prompt-none");
        signedInBrowser(b, email);
        HttpResponse<String> silent = b.get(url);
        assertThat(query(location(silent))).containsKey("code").containsEntry("state", "st-none");
    }

    @Test
    void oidccEnsureRedirectUriInAuthorizationRequest_andResponseTypeMissing_areErrorsNotRedirects() {
        App app = conformanceApp();
        BrowserClient b = browser();
        HttpResponse<String> noRedirect = b.get("/oauth2/authorize?response_type=code&client_id=" + app.clientId() + "&scope=openid&state=s");
        // a client with one registered URI may omit it in OAuth 2.0; OIDC requires it: either an error page or the registered URI with an error
        if (noRedirect.statusCode() == 302) assertThat(query(location(noRedirect))).containsKey("error");
        else assertThat(noRedirect.statusCode()).isEqualTo(400);
        HttpResponse<String> noResponseType = b.get("/oauth2/authorize?client_id=" + app.clientId() + "&scope=openid&state=s&redirect_uri="
                + java.net.URLEncoder.encode(REDIRECT, java.nio.charset.StandardCharsets.UTF_8));
        if (noResponseType.statusCode() == 302) assertThat(query(location(noResponseType))).containsEntry("error", "invalid_request");
        else assertThat(noResponseType.statusCode()).isEqualTo(400);
        HttpResponse<String> implicit = b.get(authorizeUrl(app, REDIRECT, "openid", "s", "n", Pkce.create()).replace("response_type=code", "response_type=id_token"));
        assertThat(implicit.statusCode() == 302 ? query(location(implicit)).get("error") : String.valueOf(implicit.statusCode()))
                .as("implicit flow refused").isIn("unsupported_response_type", "invalid_request", "400");
    }

    @Test
    void oidccScopeEmail_requestWithoutNonce_clientSecretPost_userinfoGetAndPost_refreshKeepsSub() {
        App app = conformanceApp();
        String email = uniqueEmail("conformance");
        BrowserClient b = browser();
        signedInBrowser(b, email);
        Pkce pkce = Pkce.create();
        // oidcc-ensure-request-without-nonce-succeeds-for-code-flow + oidcc-scope-email
        String callback = authorizeInBrowser(b, authorizeUrl(app, REDIRECT, "openid email", "st-email", null, pkce), email, null, true);
        String code = query(callback).get("code");
        // oidcc-server-client-secret-post: the secret in the form instead of Basic
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT);
        form.put("code_verifier", pkce.verifier());
        form.put("client_id", app.clientId());
        form.put("client_secret", app.secret());
        HttpResponse<String> tokens = tokenPost("/oauth2/token", app, null, form);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode t = json(tokens);
        JsonNode idToken = JSON.readTree(Base64.getUrlDecoder().decode(t.path("id_token").asString().split("\\.")[1]));
        assertThat(idToken.has("nonce")).isFalse();
        String access = t.path("access_token").asString();
        // oidcc-userinfo-get
        JsonNode info = json(getWithBearer("/userinfo", access));
        assertThat(info.path("email").asString()).isEqualTo(email);
        assertThat(info.has("name")).as("profile claims need the profile scope").isFalse();
        assertThat(info.path("sub").asString()).isEqualTo(idToken.path("sub").asString());
        // oidcc-userinfo-post-header
        HttpResponse<String> post = postWithBearer("/userinfo", access);
        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
        assertThat(json(post).path("sub").asString()).isEqualTo(idToken.path("sub").asString());
        // oidcc-refresh-token: the new ID token is about the same person
        Map<String, String> refresh = new LinkedHashMap<>();
        refresh.put("grant_type", "refresh_token");
        refresh.put("refresh_token", t.path("refresh_token").asString());
        HttpResponse<String> refreshed = tokenPost("/oauth2/token", app, app.secret(), refresh);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String newId = json(refreshed).path("id_token").asString();
        if (!newId.isEmpty()) {
            assertThat(JSON.readTree(Base64.getUrlDecoder().decode(newId.split("\\.")[1])).path("sub").asString())
                    .isEqualTo(idToken.path("sub").asString());
        }
    }

    private App conformanceApp() {
        return register("name", "Conformance RP", "type", "confidential", "redirectUris", List.of(REDIRECT),
                "scopes", List.of("openid", "profile", "email"), "firstParty", true);
    }

    private HttpResponse<String> postWithBearer(String path, String token) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Authorization", "Bearer " + token).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> values(JsonNode d, String field) {
        return d.path(field).valueStream().map(JsonNode::asString).toList();
    }
}
