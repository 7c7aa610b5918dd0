package dev.janua.server.social;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/** Explicit linking from a signed-in account, unlinking, and the admin API's rules (sealing, organizations, access). */
class IdentityLinkingIntegrationTest extends MockProviderSupport {
    private String linkOnce(String access, String app, String subject) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("linker", subject, "JWT", List.of("link-client"),
                Map.of("email", uniqueEmail("unverified-elsewhere"), "email_verified", false), 3600));
        Api.Response started = api.post("/api/v1/users/me/identities", Api.map("provider", "linker", "redirectUri", app, "state", "ls"),
                "Authorization", access);
        assertThat(started.status()).as(started.raw().body()).isEqualTo(200);
        String callback = location(plainGet(started.text("/authUrl")));
        // the application checks its own state on return; the browser here carries no Janua cookie
        return location(plainGet(callback));
    }

    @Test
    void aSignedInUserLinksAndUnlinksAProviderAccount() {
        configure("linker", "kind", "oidc", "clientId", "link-client", "clientSecret", "link-secret", "issuer", idp.issuerUrl("linker").toString());
        String app = registeredRedirect("link");
        Api.Response alice = signUp(uniqueEmail("alice"));
        String access = Api.bearer(accessToken(alice));
        String subject = UUID.randomUUID().toString();

        // the provider's email is unverified and differs: explicit linking does not depend on it
        String back = linkOnce(access, app, subject);
        assertThat(query(back)).containsEntry("linked", "linker").containsEntry("state", "ls");
        Api.Response list = api.get("/api/v1/users/me/identities", "Authorization", access);
        assertThat(list.json().path("data")).hasSize(1);
        String identityId = list.json().path("data").get(0).path("id").asString();

        // the same provider account cannot be linked to a second user
        Api.Response bob = signUp(uniqueEmail("bob"));
        assertThat(query(linkOnce(Api.bearer(accessToken(bob)), app, subject))).containsEntry("error", "identity_already_linked");

        // alice can now sign in with it (a known identity signs in its user, whatever the email)
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("linker", subject, "JWT", List.of("link-client"), Map.of(), 3600));
        Started s = start("linker", app, "signin");
        Api.Response signedIn = exchange("linker", callback(s, location(plainGet(s.providerUrl()))));
        assertThat(signedIn.text("/user/id")).isEqualTo(alice.text("/user/id"));

        // alice has a password, so the identity is not her last way in
        Api.Response unlink = api.delete("/api/v1/users/me/identities/" + identityId, null, "Authorization", access);
        assertThat(unlink.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/me/identities", "Authorization", access).json().path("data")).isEmpty();
        assertThat(api.delete("/api/v1/users/me/identities/" + identityId, null, "Authorization", access).errorCode()).isEqualTo("IDENTITY_NOT_FOUND");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = 'identity.unlinked' AND subject_id = :u")
                .param("u", alice.text("/user/id")).query(Long.class).single()).isEqualTo(1L);
        assertThat(api.get("/api/v1/users/me/identities").status()).isEqualTo(401);
    }

    @Test
    void adminApiSealsSecretsAndChecksInput() {
        JsonNodeView v = new JsonNodeView(configure("sealed-oidc", "kind", "oidc", "clientId", "c", "clientSecret", "plain-secret-value",
                "issuer", idp.issuerUrl("sealed").toString()));
        assertThat(v.node().path("hasClientSecret").asBoolean()).isTrue();
        assertThat(v.node().toString()).doesNotContain("plain-secret-value");
        assertThat(v.node().path("redirectUri").asString()).endsWith("/api/v1/auth/oauth/sealed-oidc/callback");
        String stored = jdbc.sql("SELECT client_secret_enc FROM social_providers WHERE id = :id").param("id", v.node().path("id").asString())
                .query(String.class).single();
        assertThat(stored).startsWith("v1.").doesNotContain("plain-secret-value");

        String admin = Api.bearer(adminToken());
        assertThat(api.post("/api/v1/admin/oauth/providers", Api.map("provider", "corp", "kind", "oauth2", "clientId", "x", "clientSecret", "y"),
                "Authorization", admin).errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/admin/oauth/providers", Api.map("provider", "apple", "clientId", "x", "clientSecret", "not a key",
                "settings", Map.of("teamId", "T", "keyId", "K")), "Authorization", admin).errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/admin/oauth/providers", Api.map("provider", "google", "kind", "oidc", "clientId", "x", "clientSecret", "y",
                "issuer", "https://idp.example"), "Authorization", admin).errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/admin/oauth/providers", Api.map("provider", "x-oidc", "kind", "oidc", "clientId", "x", "clientSecret", "y",
                "issuer", "javascript:alert(1)"), "Authorization", admin).errorCode()).isEqualTo("VALIDATION_ERROR");
        // an ordinary user manages nothing platform-wide
        String user = Api.bearer(accessToken(signUp(uniqueEmail("plain"))));
        assertThat(api.get("/api/v1/admin/oauth/providers", "Authorization", user).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/oauth/providers", Api.map("provider", "github", "clientId", "x", "clientSecret", "y"),
                "Authorization", user).status()).isEqualTo(403);
    }

    @Test
    void anOrganizationConfiguresItsOwnProvider() {
        Api.Response owner = signUp(uniqueEmail("owner"));
        String access = Api.bearer(accessToken(owner));
        String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response org = api.post("/api/v1/organizations", Api.map("name", "Org " + slug, "slug", slug), "Authorization", access);
        assertThat(org.status()).as(org.raw().body()).isEqualTo(201);
        String orgId = org.text("/id");
        Api.Response created = api.post("/api/v1/admin/oauth/providers", Api.map("provider", "okta-" + slug, "kind", "oidc", "organizationId", orgId,
                "clientId", "org-client", "clientSecret", "org-secret", "issuer", idp.issuerUrl("org").toString()), "Authorization", access);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(api.get("/api/v1/auth/oauth/providers?organization_id=" + orgId).raw().body()).contains("okta-" + slug);
        assertThat(api.get("/api/v1/auth/oauth/providers").raw().body()).doesNotContain("okta-" + slug);
        // the platform-wide start does not know the organization's provider; the organization's does
        assertThat(api.get("/api/v1/auth/oauth/okta-" + slug + "/url").errorCode()).isEqualTo("OAUTH_PROVIDER_NOT_FOUND");
        assertThat(api.get("/api/v1/auth/oauth/okta-" + slug + "/url?organization_id=" + orgId).status()).isEqualTo(200);
        // another user cannot manage it
        String stranger = Api.bearer(accessToken(signUp(uniqueEmail("stranger"))));
        assertThat(api.get("/api/v1/admin/oauth/providers/" + created.text("/id"), "Authorization", stranger).status()).isIn(403, 404);
    }

    record JsonNodeView(tools.jackson.databind.JsonNode node) {}
}
