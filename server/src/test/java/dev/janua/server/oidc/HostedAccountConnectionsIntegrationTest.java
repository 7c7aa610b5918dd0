package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The account page's connections over HTTP: the consents a person granted (listed; revoking one
 * makes that application's refresh and access tokens for that person stop working, and nobody
 * else's) and linked provider accounts (unlinked, except the last way to sign in). Refusals counted.
 */
class HostedAccountConnectionsIntegrationTest extends OidcTestSupport {
    static final String REDIRECT = "https://consented.example.com/cb";

    record Grant(String access, String refresh) {}

    /** The person behind {@code b} consents to {@code app} (openid email) and the app redeems the code. */
    Grant consent(BrowserClient b, App app, String email) {
        Pkce pkce = Pkce.create();
        String callback = authorizeInBrowser(b, authorizeUrl(app, REDIRECT, "openid email", "s", null, pkce), email, null, true);
        HttpResponse<String> t = redeem(app, app.secret(), query(callback).get("code"), REDIRECT, pkce.verifier());
        assertThat(t.statusCode()).as(t.body()).isEqualTo(200);
        return new Grant(json(t).path("access_token").asString(), json(t).path("refresh_token").asString());
    }

    HttpResponse<String> refresh(App app, String token) {
        return tokenPost("/oauth2/token", app, app.secret(), Map.of("grant_type", "refresh_token", "refresh_token", token));
    }

    boolean active(App app, String token) {
        return json(tokenPost("/oauth2/introspect", app, app.secret(), Map.of("token", token))).path("active").asBoolean();
    }

    long consents(String appId, String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM oidc_consents WHERE registered_client_id = :a AND principal_name = :u")
                .param("a", appId).param("u", userId).query(Long.class).single();
    }

    @Test
    void revokingAConsentStopsThatApplicationsTokensForThatPersonOnly() {
        App app = register("name", "Consented Portal", "type", "confidential", "redirectUris", List.of(REDIRECT),
                "grantTypes", List.of("authorization_code", "refresh_token"), "scopes", List.of("openid", "email"));
        App other = register("name", "Other Portal", "type", "confidential", "redirectUris", List.of(REDIRECT),
                "grantTypes", List.of("authorization_code", "refresh_token"), "scopes", List.of("openid", "email"));
        String aliceEmail = uniqueEmail("consent-alice");
        BrowserClient alice = browser();
        String aliceId = signedInBrowser(alice, aliceEmail);
        String bobEmail = uniqueEmail("consent-bob");
        BrowserClient bob = browser();
        String bobId = signedInBrowser(bob, bobEmail);
        Grant aliceGrant = consent(alice, app, aliceEmail);
        Grant bobGrant = consent(bob, app, bobEmail);
        Grant bobOther = consent(bob, other, bobEmail);

        HttpResponse<String> page = alice.get("/hosted/account");
        assertThat(page.body()).contains("id=\"consents\"", "Consented Portal", "openid, email",
                "action=\"/hosted/account/consents/" + app.id() + "/revoke\"").doesNotContain("Other Portal");

        Map<String, String> csrf = BrowserClient.hiddenFields(page.body(), "/hosted/account/consents/" + app.id() + "/revoke");
        int refused = 0;
        // Alice names an application only Bob allowed: nothing changes for Bob
        HttpResponse<String> foreign = alice.post("/hosted/account/consents/" + other.id() + "/revoke", csrf);
        assertThat(location(foreign)).isEqualTo("/hosted/account");
        assertThat(consents(other.id(), bobId)).isEqualTo(1);
        assertThat(refresh(other, bobOther.refresh()).statusCode()).isEqualTo(200);
        refused++;
        // no CSRF token; a CSRF token but no session; a made-up application id
        assertThat(browser().post("/hosted/account/consents/" + app.id() + "/revoke", Map.of()).statusCode()).isEqualTo(403);
        refused++;
        assertThat(location(postWithCsrf(browser(), "/hosted/account/consents/" + app.id() + "/revoke"))).startsWith("/hosted/sign-in");
        refused++;
        assertThat(location(alice.post("/hosted/account/consents/app_madeup/revoke", csrf))).isEqualTo("/hosted/account");
        refused++;
        assertThat(consents(app.id(), aliceId)).isEqualTo(1);
        HttpResponse<String> rotated = refresh(app, aliceGrant.refresh());
        assertThat(rotated.statusCode()).as("nothing refused above touched Alice's grant").isEqualTo(200);
        Grant alice2 = new Grant(json(rotated).path("access_token").asString(), json(rotated).path("refresh_token").asString());

        assertThat(active(app, alice2.access())).as("live before the revocation").isTrue();
        HttpResponse<String> revoked = alice.post("/hosted/account/consents/" + app.id() + "/revoke", csrf);
        assertThat(location(revoked)).isEqualTo("/hosted/account?done=consent_revoked");
        // her tokens for that application stop working at once; Bob's keep working
        assertThat(consents(app.id(), aliceId)).isZero();
        assertThat(active(app, alice2.access())).isFalse();
        assertThat(refresh(app, alice2.refresh()).statusCode()).isEqualTo(400);
        assertThat(getWithBearer("/userinfo", alice2.access()).statusCode()).isEqualTo(401);
        assertThat(refresh(app, bobGrant.refresh()).statusCode()).isEqualTo(200);
        assertThat(events("oidc.consent_revoked", app.id())).isEqualTo(1);
        assertThat(alice.get("/hosted/account").body()).doesNotContain("Consented Portal");
        // the next authorization request asks for consent again
        HttpResponse<String> again = alice.follow(alice.get(authorizeUrl(app, REDIRECT, "openid email", "s", null, Pkce.create())));
        assertThat(again.body()).contains("action=\"/oauth2/authorize\"");
        assertThat(refused).isEqualTo(4);
        System.out.printf("account consent revocation negative cases: %d, accepted 0%n", refused);
    }

    @Test
    void unlinkingAProviderAccountIsRefusedWhenItIsTheLastWayToSignIn() {
        String email = uniqueEmail("identities");
        BrowserClient b = browser();
        String userId = signedInBrowser(b, email);
        String google = identity(userId, "google");
        String github = identity(userId, "github");
        String otherUser = signUp(uniqueEmail("identities-other")).text("/user/id");
        String foreign = identity(otherUser, "google");

        HttpResponse<String> page = b.get("/hosted/account");
        assertThat(page.body()).contains("id=\"identities\"", "/hosted/account/identities/" + google + "/unlink",
                "/hosted/account/identities/" + github + "/unlink").doesNotContain(foreign);
        int refused = 0;
        // someone else's identity: not found, untouched
        HttpResponse<String> other = b.submit(page, "/hosted/account/identities/" + google + "/unlink", Map.of());
        assertThat(location(other)).isEqualTo("/hosted/account?done=identity_unlinked");
        HttpResponse<String> p2 = b.get("/hosted/account");
        HttpResponse<String> notMine = b.post("/hosted/account/identities/" + foreign + "/unlink", BrowserClient.hiddenFields(p2.body(),
                "/hosted/account/identities/" + github + "/unlink"));
        assertThat(notMine.statusCode()).isEqualTo(404);
        assertThat(identities(otherUser)).isEqualTo(1);
        refused++;
        // by provider name (the API accepts it; the page does not)
        assertThat(b.post("/hosted/account/identities/github/unlink", BrowserClient.hiddenFields(p2.body(),
                "/hosted/account/identities/" + github + "/unlink")).statusCode()).isEqualTo(404);
        refused++;
        // no CSRF
        assertThat(browser().post("/hosted/account/identities/" + github + "/unlink", Map.of()).statusCode()).isEqualTo(403);
        refused++;
        // without a password, the last linked account is the last way in: refused, with the page's error
        jdbc.sql("UPDATE users SET password_hash = NULL WHERE id = :u").param("u", userId).update();
        HttpResponse<String> last = b.post("/hosted/account/identities/" + github + "/unlink", BrowserClient.hiddenFields(p2.body(),
                "/hosted/account/identities/" + github + "/unlink"));
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(last.body()).contains("role=\"alert\"");
        assertThat(identities(userId)).isEqualTo(1);
        refused++;
        assertThat(events("identity.unlinked", userId)).isEqualTo(1);
        assertThat(refused).isEqualTo(4);
        System.out.printf("account identity unlink negative cases: %d, accepted 0%n", refused);
    }

    private String identity(String userId, String provider) {
        String id = "idn_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        jdbc.sql("INSERT INTO social_identities (id, user_id, provider, subject, email, email_verified, created_at) "
                        + "VALUES (:id, :u, :p, :s, :e, TRUE, :now)")
                .param("id", id).param("u", userId).param("p", provider).param("s", "sub-" + id).param("e", provider + "@example.com")
                .param("now", Sql.ts(Instant.now())).update();
        return id;
    }

    private long identities(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM social_identities WHERE user_id = :u").param("u", userId).query(Long.class).single();
    }

    /** A POST carrying a valid CSRF pair (from a page of a fresh browser) but no session. */
    private HttpResponse<String> postWithCsrf(BrowserClient b, String path) {
        HttpResponse<String> signInPage = b.get("/hosted/sign-in");
        return b.post(path, BrowserClient.hiddenFields(signInPage.body(), "/hosted/sign-in"));
    }
}
