package dev.janua.server.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import dev.janua.server.support.TestDns;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OIDC enterprise connections against a real OpenID Provider (mock-oauth2-server): configured through
 * the seed path, members sign in with JIT provisioning and groups → role, through the shared
 * relying party (state bound to the browser, nonce, PKCE); forged answers are refused.
 */
class OidcSsoIntegrationTest extends SsoTestSupport {
    static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    static MockOAuth2Server op;

    @BeforeAll
    static void startProvider() {
        op = new MockOAuth2Server();
        op.start(0);
    }

    @AfterAll
    static void stopProvider() {
        op.shutdown();
    }

    record OidcOrg(String id, Account owner, String domain, String issuerId) {}

    private OidcOrg oidcOrg() {
        Account owner = newUser("oidc-owner");
        String org = createOrg(owner);
        String domain = "corp-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String issuerId = "entra-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response r = api.post("/api/v1/organizations/" + org + "/sso", Api.map("provider", "azure_ad", "protocol", "oidc",
                "oidcIssuer", op.issuerUrl(issuerId).toString(), "clientId", "janua-client", "clientSecret", "s3cret",
                "domains", List.of(domain), "groupRoleMapping", Map.of("admins", "admin")), owner.auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.json().path("clientSecretSet").asBoolean()).isTrue();
        assertThat(r.raw().body()).doesNotContain("s3cret");
        TestDns.txt(r.text("/domains/0/txtRecordName"), r.text("/domains/0/txtRecordValue"));
        assertThat(api.post("/api/v1/organizations/" + org + "/sso/domains/" + domain + "/verify", Map.of(), owner.auth()).status()).isEqualTo(200);
        return new OidcOrg(org, owner, domain, issuerId);
    }

    private void nextUser(OidcOrg o, String audience, String subject, Map<String, Object> claims) {
        op.enqueueCallback(new DefaultOAuth2TokenCallback(o.issuerId(), subject, "JWT", List.of(audience), claims, 3600));
    }

    private static String location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isIn(302, 303);
        return r.headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<String> plainGet(String url) {
        try {
            return PLAIN.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void memberSignsInThroughTheOrganizationsOpenIdProviderWithJitAndGroups() {
        OidcOrg o = oidcOrg();
        String email = "grace@" + o.domain();
        nextUser(o, "janua-client", "sub-" + UUID.randomUUID(), Map.of("email", email, "given_name", "Grace", "family_name", "Hopper",
                "groups", List.of("admins")));
        BrowserClient browser = new BrowserClient("http://localhost:" + port);
        String toProvider = location(browser.get("/api/v1/sso/oidc/" + o.id() + "/login?RelayState=/hosted/account"));
        assertThat(toProvider).startsWith(op.issuerUrl(o.issuerId()).toString()).contains("code_challenge_method=S256", "nonce=", "state=");
        String callback = location(plainGet(toProvider));
        assertThat(callback).contains("/api/v1/sso/oidc/" + o.id() + "/callback");
        HttpResponse<String> done = browser.get(callback);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(location(done)).endsWith("/hosted/account");
        assertThat(browser.get("/hosted/account").body()).contains(email);
        String userId = jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", email).query(String.class).single();
        assertThat(jdbc.sql("SELECT role_id FROM organization_members WHERE organization_id = :o AND user_id = :u")
                .param("o", o.id()).param("u", userId).query(String.class).single()).isEqualTo("role_admin");
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'sso.signin' AND subject_id = :u", "u", userId)).isEqualTo(1);

        Api.Response start = api.post("/api/v1/sso/oidc", Map.of("email", email));
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.text("/redirectUrl")).isEqualTo("/api/v1/sso/oidc/" + o.id() + "/login");
    }

    @Test
    void anotherBrowsersStateAndAnAddressOutsideTheVerifiedDomainsAreRefused() {
        OidcOrg o = oidcOrg();
        // the callback opened in a browser that did not start the sign-in (login CSRF): refused before any token request
        String toProvider = location(new BrowserClient("http://localhost:" + port).get("/api/v1/sso/oidc/" + o.id() + "/login"));
        HttpResponse<String> stranger = new BrowserClient("http://localhost:" + port).get(location(plainGet(toProvider)));
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("OAUTH_STATE_INVALID");

        // (forged ID tokens — other issuer or audience, alg none, expired, wrong nonce — are the shared relying party's
        // and have their counted suite in social/; the same IdTokenValidator checks these connections)

        // the provider vouches for an address outside the organization's verified domains
        Account victim = newUser("oidc-victim");
        nextUser(o, "janua-client", "sub-z", Map.of("email", victim.email()));
        BrowserClient b3 = new BrowserClient("http://localhost:" + port);
        HttpResponse<String> outside = b3.get(location(plainGet(location(b3.get("/api/v1/sso/oidc/" + o.id() + "/login")))));
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.body()).contains("SSO_DOMAIN_NOT_VERIFIED");
        assertThat(b3.cookie("janua_session")).isNull();
    }
}
