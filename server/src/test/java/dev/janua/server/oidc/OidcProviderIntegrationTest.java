package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.janua.server.oidc.app.ActiveKeyJwtEncoder;
import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Janua as an OpenID Provider, end to end over HTTP: discovery, authorization code with PKCE through
 * the hosted sign-in (with TOTP) and consent, tokens, ID token verified against the JWKS, userinfo,
 * refresh rotation, introspection, revocation, client credentials, RP-initiated logout.
 */
class OidcProviderIntegrationTest extends OidcTestSupport {
    static final String REDIRECT = "https://app.example.com/callback";
    @Autowired
    JwtEncoder tokenEncoder;

    @Test
    void discoveryDescribesTheProviderAndPointsToTheOneJwks() {
        JsonNode d = JSON.readTree(api.get("/.well-known/openid-configuration").raw().body());
        String issuer = d.path("issuer").asString();
        assertThat(issuer).startsWith("http://127.0.0.1:" + port);
        assertThat(d.path("authorization_endpoint").asString()).isEqualTo(issuer + "/oauth2/authorize");
        assertThat(d.path("token_endpoint").asString()).isEqualTo(issuer + "/oauth2/token");
        assertThat(d.path("userinfo_endpoint").asString()).isEqualTo(issuer + "/userinfo");
        assertThat(d.path("end_session_endpoint").asString()).isEqualTo(issuer + "/connect/logout");
        assertThat(d.path("jwks_uri").asString()).isEqualTo(issuer + "/.well-known/jwks.json");
        assertThat(d.path("introspection_endpoint").asString()).isEqualTo(issuer + "/oauth2/introspect");
        assertThat(d.path("revocation_endpoint").asString()).isEqualTo(issuer + "/oauth2/revoke");
        assertThat(d.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(api.get("/.well-known/oauth-authorization-server").status()).isEqualTo(200);
        // the JWKS is still the API's, with its cache header
        assertThat(api.get("/.well-known/jwks.json").header("Cache-Control")).contains("max-age=300");
    }

    @Test
    void authorizationCodeWithPkceThroughHostedSignInMfaAndConsent() throws Exception {
        App app = register("name", "Acme Portal", "type", "confidential", "redirectUris", List.of(REDIRECT),
                "scopes", List.of("openid", "profile", "email"));
        Enrolled user = enrolledUser("oidc-flow");
        Pkce pkce = Pkce.create();
        BrowserClient b = browser();
        String redirected = authorizeInBrowser(b, authorizeUrl(app, REDIRECT, "openid profile email", "st-123", "n-456", pkce),
                user.email(), user.secret(), true);
        assertThat(redirected).startsWith(REDIRECT + "?");
        assertThat(b.cookie("JSESSIONID")).as("the provider keeps no servlet session: the janua_session cookie is the state").isNull();
        Map<String, String> q = query(redirected);
        assertThat(q.get("state")).isEqualTo("st-123");
        String code = q.get("code");
        assertThat(code).isNotBlank();

        HttpResponse<String> tokens = redeem(app, app.secret(), code, REDIRECT, pkce.verifier());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode t = json(tokens);
        SignedJWT id = SignedJWT.parse(t.path("id_token").asString());
        JWKSet jwks = JWKSet.parse(api.get("/.well-known/jwks.json").raw().body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(id.getHeader().getKeyID());
        assertThat(key).as("the ID token is signed with a key of the one JWKS").isNotNull();
        assertThat(id.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(id.verify(new RSASSAVerifier(key))).isTrue();
        var c = id.getJWTClaimsSet();
        assertThat(c.getIssuer()).isEqualTo("http://localhost:" + port);
        assertThat(c.getAudience()).containsExactly(app.clientId());
        assertThat(c.getSubject()).isEqualTo(user.userId());
        assertThat(c.getStringClaim("nonce")).isEqualTo("n-456");
        assertThat(c.getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
        assertThat(c.getDateClaim("auth_time")).isBeforeOrEqualTo(new Date(clock.instant().toEpochMilli() + 1000));
        assertThat(c.getStringClaim("email")).isEqualTo(user.email());
        assertThat(c.getBooleanClaim("email_verified")).isFalse();
        assertThat(c.getStringClaim("given_name")).isEqualTo("Test");
        assertThat(c.getStringClaim("family_name")).isEqualTo("User");
        assertThat(c.getStringClaim("name")).isEqualTo("Test User");

        HttpResponse<String> userinfo = getWithBearer("/userinfo", t.path("access_token").asString());
        assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
        assertThat(json(userinfo).path("sub").asString()).isEqualTo(user.userId());
        assertThat(json(userinfo).path("email").asString()).isEqualTo(user.email());
        // Janua's API does not take the provider's access tokens, nor the provider Janua's
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(t.path("access_token").asString())).status()).isEqualTo(401);

        // refresh tokens rotate; the spent one is refused
        String refresh = t.path("refresh_token").asString();
        HttpResponse<String> refreshed = tokenPost("/oauth2/token", app, app.secret(), Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(json(refreshed).path("refresh_token").asString()).isNotEqualTo(refresh);
        assertThat(tokenPost("/oauth2/token", app, app.secret(), Map.of("grant_type", "refresh_token", "refresh_token", refresh))
                .statusCode()).isEqualTo(400);

        // introspection and revocation (RFC 7662, RFC 7009)
        String access = json(refreshed).path("access_token").asString();
        HttpResponse<String> active = tokenPost("/oauth2/introspect", app, app.secret(), Map.of("token", access));
        assertThat(json(active).path("active").asBoolean()).isTrue();
        assertThat(json(active).path("sub").asString()).isEqualTo(user.userId());
        assertThat(tokenPost("/oauth2/revoke", app, app.secret(), Map.of("token", access)).statusCode()).isEqualTo(200);
        assertThat(json(tokenPost("/oauth2/introspect", app, app.secret(), Map.of("token", access))).path("active").asBoolean()).isFalse();
        assertThat(getWithBearer("/userinfo", access).statusCode()).isEqualTo(401);

        // authorizations and consents live in the database
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oidc_consents WHERE principal_name = :u").param("u", user.userId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT sealed FROM oidc_authorizations WHERE principal_name = :u").param("u", user.userId())
                .query(String.class).list()).allSatisfy(s -> assertThat(s).doesNotContain(code).doesNotContain(refresh));
    }

    @Test
    void secondAuthorizationSkipsSignInAndConsentAlreadyGiven() {
        App app = register("type", "confidential", "redirectUris", List.of(REDIRECT));
        BrowserClient b = browser();
        String email = uniqueEmail("oidc-again");
        signedInBrowser(b, email);
        String first = authorizeInBrowser(b, authorizeUrl(app, REDIRECT, "openid email", "s1", null, Pkce.create()), email, null, true);
        assertThat(query(first)).containsKey("code");
        HttpResponse<String> again = b.get(authorizeUrl(app, REDIRECT, "openid email", "s2", null, Pkce.create()));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(location(again)).startsWith(REDIRECT + "?code=").contains("state=s2");
    }

    @Test
    void firstPartyApplicationsSkipConsentAndDenyingConsentReturnsAccessDenied() {
        App firstParty = register("type", "confidential", "redirectUris", List.of(REDIRECT), "firstParty", true);
        BrowserClient b = browser();
        String email = uniqueEmail("oidc-1p");
        signedInBrowser(b, email);
        HttpResponse<String> r = b.get(authorizeUrl(firstParty, REDIRECT, "openid profile", "s", null, Pkce.create()));
        assertThat(location(r)).startsWith(REDIRECT + "?code=");

        App thirdParty = register("type", "confidential", "redirectUris", List.of(REDIRECT));
        String denied = authorizeInBrowser(b, authorizeUrl(thirdParty, REDIRECT, "openid profile", "sd", null, Pkce.create()),
                email, null, false);
        assertThat(query(denied)).containsEntry("error", "access_denied").containsEntry("state", "sd").doesNotContainKey("code");
    }

    @Test
    void consentPageIsLocalisedAndItsFormNeedsTheCsrfToken() {
        App app = register("name", "Billing", "type", "confidential", "redirectUris", List.of(REDIRECT));
        BrowserClient b = browser().acceptLanguage("fr");
        signedInBrowser(b, uniqueEmail("oidc-consent"));
        HttpResponse<String> consent = b.follow(b.get(authorizeUrl(app, REDIRECT, "openid profile email", "s", null, Pkce.create())));
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("Billing souhaite accéder à votre compte").contains("Autoriser");
        Map<String, String> form = BrowserClient.hiddenFields(consent.body(), "/oauth2/authorize");
        form.remove("_csrf");
        form.put("scope", "profile");
        HttpResponse<String> forged = b.post("/oauth2/authorize", form);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(location(forged)).isNull();
    }

    @Test
    void clientCredentialsForMachineApplications() throws Exception {
        App machine = register("type", "machine", "scopes", List.of("reports.read"));
        HttpResponse<String> r = tokenPost("/oauth2/token", machine, machine.secret(),
                Map.of("grant_type", "client_credentials", "scope", "reports.read"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        SignedJWT at = SignedJWT.parse(json(r).path("access_token").asString());
        assertThat(at.getJWTClaimsSet().getSubject()).isEqualTo(machine.clientId());
        // signed by the key ring's own signer (AWS-LC once loaded), verified with the JDK against the one JWKS
        assertThat(tokenEncoder).isInstanceOf(ActiveKeyJwtEncoder.class);
        RSAKey key = JWKSet.parse(api.get("/.well-known/jwks.json").raw().body()).getKeyByKeyId(at.getHeader().getKeyID()).toRSAKey();
        assertThat(at.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(json(r).has("refresh_token")).isFalse();
        assertThat(tokenPost("/oauth2/token", machine, "jcs_wrong", Map.of("grant_type", "client_credentials")).statusCode()).isEqualTo(401);
        assertThat(tokenPost("/oauth2/token", machine, machine.secret(), Map.of("grant_type", "authorization_code", "code", "x",
                "redirect_uri", REDIRECT)).statusCode()).isEqualTo(400);
    }

    @Test
    void rpInitiatedLogoutEndsTheJanuaSessionAndReturnsToTheRegisteredUri() {
        String after = "https://app.example.com/signed-out";
        App app = register("type", "confidential", "redirectUris", List.of(REDIRECT), "postLogoutRedirectUris", List.of(after),
                "firstParty", true);
        BrowserClient b = browser();
        String email = uniqueEmail("oidc-logout");
        String userId = signedInBrowser(b, email);
        Pkce pkce = Pkce.create();
        String code = query(location(b.get(authorizeUrl(app, REDIRECT, "openid", "s", null, pkce)))).get("code");
        String idToken = json(redeem(app, app.secret(), code, REDIRECT, pkce.verifier())).path("id_token").asString();
        String sessionId = browserSessionId(userId);

        HttpResponse<String> evil = b.get("/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri="
                + java.net.URLEncoder.encode("https://evil.example/out", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(location(evil) == null || !location(evil).contains("evil.example")).isTrue();

        HttpResponse<String> out = b.get("/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri="
                + java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.UTF_8) + "&state=bye");
        assertThat(out.statusCode()).as(out.body() + out.headers().map()).isEqualTo(302);
        assertThat(location(out)).isEqualTo(after + "?state=bye");
        assertThat(jdbc.sql("SELECT revoked_reason FROM sessions WHERE id = :id").param("id", sessionId).query(String.class).single())
                .isEqualTo("signout");
        assertThat(b.get("/hosted/account").statusCode()).isEqualTo(303);
    }
}
