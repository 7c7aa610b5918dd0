package dev.janua.server.social;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Google, Microsoft, LinkedIn and a generic OpenID Provider, each played by a real OpenID Provider
 * (mock-oauth2-server: discovery, JWKS, signed ID tokens, PKCE, nonce), through Janua's seed paths:
 * start → provider → callback → the application's code exchange → session and tokens.
 */
class OidcSocialLoginIntegrationTest extends MockProviderSupport {
    private void configureAll() {
        configure("google", "clientId", "google-client", "clientSecret", "google-secret", "issuer", idp.issuerUrl("google").toString());
        configure("microsoft", "clientId", "ms-client", "clientSecret", "ms-secret", "issuer", idp.issuerUrl("microsoft").toString());
        configure("linkedin", "clientId", "li-client", "clientSecret", "li-secret", "issuer", idp.issuerUrl("linkedin").toString());
        configure("acme-idp", "kind", "oidc", "displayName", "Acme IdP", "clientId", "acme-client", "clientSecret", "acme-secret",
                "issuer", idp.issuerUrl("acme").toString());
    }

    private static String issuerId(String provider) {
        return provider.equals("acme-idp") ? "acme" : provider;
    }

    private void nextUser(String provider, String clientId, String subject, Map<String, Object> claims) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId(provider), subject, "JWT", List.of(clientId), claims, 3600));
    }

    private static String clientId(String provider) {
        return switch (provider) {
            case "google" -> "google-client";
            case "microsoft" -> "ms-client";
            case "linkedin" -> "li-client";
            default -> "acme-client";
        };
    }

    /** Provider hop: mock-oauth2-server answers the authorization request at once with a code. */
    private String throughProvider(Started s) {
        return location(plainGet(s.providerUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"google", "microsoft", "linkedin", "acme-idp"})
    void signInCreatesTheAccountThenSignsTheSameUserInAgain(String provider) {
        configureAll();
        String app = registeredRedirect("cb-" + provider);
        String email = uniqueEmail(provider);
        String subject = UUID.randomUUID().toString();
        nextUser(provider, clientId(provider), subject, Map.of("email", email, "email_verified", true, "given_name", "Ada", "family_name", "L"));

        Started s = start(provider, app, "app-state-1");
        Map<String, String> p = s.params();
        assertThat(p).containsEntry("response_type", "code");
        // PKCE S256 wherever the provider supports it (LinkedIn documents it for native apps only)
        if (!provider.equals("linkedin")) assertThat(p).containsEntry("code_challenge_method", "S256").containsKey("code_challenge");
        assertThat(p.get("nonce")).isNotBlank();
        assertThat(p.get("redirect_uri")).isEqualTo("http://localhost:" + port + "/api/v1/auth/oauth/" + provider + "/callback");
        String back = callback(s, throughProvider(s));
        assertThat(back).startsWith(app + "?code=oac_").contains("state=app-state-1");
        Api.Response first = exchange(provider, back);
        assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
        assertThat(first.json().path("isNewUser").asBoolean()).isTrue();
        assertThat(first.text("/user/email")).isEqualTo(email);
        assertThat(first.json().path("user").path("emailVerified").asBoolean()).isTrue();
        assertThat(first.text("/tokens/accessToken")).isNotBlank();
        String userId = first.text("/user/id");

        Api.Response me = api.get("/api/v1/users/me/identities", "Authorization", Api.bearer(first.text("/tokens/accessToken")));
        assertThat(me.json().path("data").get(0).path("provider").asString()).isEqualTo(provider);

        nextUser(provider, clientId(provider), subject, Map.of("email", email, "email_verified", true));
        Started again = start(provider, app, "app-state-2");
        Api.Response second = exchange(provider, callback(again, throughProvider(again)));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("isNewUser").asBoolean()).isFalse();
        assertThat(second.text("/user/id")).isEqualTo(userId);
        // the user.signin and identity.linked events were written with the sign-in
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = 'identity.linked' AND subject_id = :u").param("u", userId)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void verifiedEmailLinksToTheVerifiedAccountAndUnverifiedNeverDoes() {
        configureAll();
        String app = registeredRedirect("cb-link");
        String email = uniqueEmail("linking");
        String existing = signUp(email).text("/user/id");

        // account email not yet verified: even a provider-verified email does not take it over
        nextUser("google", "google-client", UUID.randomUUID().toString(), Map.of("email", email, "email_verified", true));
        Started s1 = start("google", app, "s1");
        String refused = callback(s1, throughProvider(s1));
        assertThat(query(refused)).containsEntry("error", "account_link_required").doesNotContainKey("code");

        jdbc.sql("UPDATE users SET email_verified = TRUE WHERE id = :id").param("id", existing).update();
        // provider does not assert the email verified: refused
        nextUser("microsoft", "ms-client", UUID.randomUUID().toString(), Map.of("email", email, "email_verified", false));
        Started s2 = start("microsoft", app, "s2");
        assertThat(query(callback(s2, throughProvider(s2)))).containsEntry("error", "account_link_required");
        // verified on both sides: linked, same user
        nextUser("google", "google-client", UUID.randomUUID().toString(), Map.of("email", email, "email_verified", true));
        Started s3 = start("google", app, "s3");
        Api.Response r = exchange("google", callback(s3, throughProvider(s3)));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.text("/user/id")).isEqualTo(existing);
        assertThat(r.json().path("isNewUser").asBoolean()).isFalse();
    }

    @Test
    void stateIsBoundToTheBrowserAndSpentOnce() {
        configureAll();
        String app = registeredRedirect("cb-state");
        nextUser("google", "google-client", UUID.randomUUID().toString(), Map.of("email", uniqueEmail("state"), "email_verified", true));
        Started s = start("google", null, null);
        String callback = throughProvider(s);
        int refused = 0;
        // another browser (no binding cookie) presenting the genuine callback
        Api.Response other = api.get(callback.replace("http://localhost:" + port, ""));
        if (other.status() == 400 && "OAUTH_STATE_INVALID".equals(other.errorCode())) refused++;
        // a made-up and a tampered state
        String forged = callback.replaceAll("state=[^&]+", "state=" + "A".repeat(43));
        if (s.browser().get(forged).statusCode() == 400) refused++;
        if (s.browser().get(callback.replace("state=", "state=x")).statusCode() == 400) refused++;
        // the real one works once...
        assertThat(callback(s, callback)).startsWith("/hosted/oauth/complete?code=oac_");
        // ...and never again
        if (s.browser().get(callback).statusCode() == 400) refused++;
        assertThat(refused).isEqualTo(4);
        assertThat(app).isNotNull();
    }

    @Test
    void returnRedirectsMustBeRegisteredExactly() {
        configureAll();
        String app = registeredRedirect("cb-exact");
        List<String> mutations = RedirectMutations.of(app);
        int accepted = 0;
        for (String m : mutations) {
            Api.Response r = api.get("/api/v1/auth/oauth/google/url?redirect_uri=" + enc(m));
            if (r.status() != 400 || !"REDIRECT_URI_NOT_REGISTERED".equals(r.errorCode())) accepted++;
        }
        assertThat(accepted).as("mutated redirect URIs accepted out of " + mutations.size()).isZero();
        assertThat(mutations.size()).isGreaterThan(40);
        Api.Response ok = api.get("/api/v1/auth/oauth/google/url?redirect_uri=" + enc(app) + "&state=abc");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text("/state")).isEqualTo("abc");
        assertThat(ok.text("/authUrl")).startsWith(idp.issuerUrl("google").toString());
    }

    @Test
    void providerListAndSeedAliases() {
        configureAll();
        Api.Response list = api.get("/v1/auth/oauth/providers");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("providers").toString()).contains("\"id\":\"google\"").contains("\"id\":\"acme-idp\"");
        String app = registeredRedirect("cb-alias");
        Api.Response viaUrl = api.get("/v1/auth/oauth/google?redirect_url=" + enc(app));
        assertThat(viaUrl.status()).isEqualTo(302);
        assertThat(viaUrl.header("Location")).startsWith(idp.issuerUrl("google").toString());
        assertThat(viaUrl.header("Set-Cookie")).contains("janua_fed_").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(api.get("/api/v1/auth/oauth/nope/url").errorCode()).isEqualTo("OAUTH_PROVIDER_NOT_FOUND");
    }
}
