package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Refresh tokens of the OpenID Provider follow Janua's rotation rules (docs/tokens.md): a spent token
 * presented again after the grace window revokes the whole authorization; within it, it is only
 * refused; of concurrent redemptions exactly one is served.
 */
class OidcRefreshReuseIntegrationTest extends OidcTestSupport {
    static final String REDIRECT = "https://rp.example.com/cb";

    record Grant(App app, String userId, String access, String refresh) {}

    Grant grant(String emailPrefix) {
        App app = register("type", "confidential", "redirectUris", List.of(REDIRECT), "firstParty", true);
        BrowserClient b = browser();
        String userId = signedInBrowser(b, uniqueEmail(emailPrefix));
        Pkce pkce = Pkce.create();
        String code = query(location(b.get(authorizeUrl(app, REDIRECT, "openid email", "s", null, pkce)))).get("code");
        HttpResponse<String> t = redeem(app, app.secret(), code, REDIRECT, pkce.verifier());
        assertThat(t.statusCode()).as(t.body()).isEqualTo(200);
        return new Grant(app, userId, json(t).path("access_token").asString(), json(t).path("refresh_token").asString());
    }

    HttpResponse<String> refresh(App app, String token) {
        return tokenPost("/oauth2/token", app, app.secret(), Map.of("grant_type", "refresh_token", "refresh_token", token));
    }

    boolean active(App app, String token) {
        return json(tokenPost("/oauth2/introspect", app, app.secret(), Map.of("token", token))).path("active").asBoolean();
    }

    @Test
    void aSpentRefreshTokenPresentedAfterTheGraceWindowRevokesTheWholeAuthorization() {
        Grant g = grant("oidc-reuse");
        HttpResponse<String> rotated = refresh(g.app(), g.refresh());
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String access1 = json(rotated).path("access_token").asString();
        String refresh1 = json(rotated).path("refresh_token").asString();

        // within the grace window (a client racing itself): refused, nothing revoked
        HttpResponse<String> early = refresh(g.app(), g.refresh());
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(json(early).path("error").asString()).isEqualTo("invalid_grant");
        assertThat(active(g.app(), refresh1)).isTrue();
        assertThat(active(g.app(), access1)).isTrue();

        // after it: the whole family goes
        clock.advance(Duration.ofSeconds(11));
        HttpResponse<String> late = refresh(g.app(), g.refresh());
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(json(late).path("error").asString()).isEqualTo("invalid_grant");
        assertThat(active(g.app(), refresh1)).isFalse();
        assertThat(active(g.app(), access1)).isFalse();
        assertThat(getWithBearer("/userinfo", access1).statusCode()).isEqualTo(401);
        assertThat(refresh(g.app(), refresh1).statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oidc_authorizations WHERE principal_name = :u").param("u", g.userId())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = 'oidc.refresh_token_reused' AND subject_id = :u")
                .param("u", g.userId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRefreshTokenPresentedByAnotherClientIsRefusedAndStaysUsable() {
        Grant g = grant("oidc-reuse-other");
        App other = register("type", "confidential", "redirectUris", List.of(REDIRECT));
        assertThat(refresh(other, g.refresh()).statusCode()).isEqualTo(400);
        clock.advance(Duration.ofSeconds(11));
        HttpResponse<String> r = refresh(g.app(), g.refresh());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void ofConcurrentRedemptionsOfOneRefreshTokenExactlyOneIsServed() throws Exception {
        Grant g = grant("oidc-reuse-race");
        int n = 8;
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) calls.add(() -> refresh(g.app(), g.refresh()));
        List<HttpResponse<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) answers.add(f.get());
        }
        List<HttpResponse<String>> served = answers.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(served).hasSize(1);
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 400));
        // the state left behind: one authorization, whose live refresh token is the one served
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oidc_authorizations WHERE principal_name = :u").param("u", g.userId())
                .query(Long.class).single()).isEqualTo(1);
        String winner = json(served.get(0)).path("refresh_token").asString();
        assertThat(active(g.app(), winner)).isTrue();
        assertThat(refresh(g.app(), winner).statusCode()).isEqualTo(200);
    }

    @Autowired
    org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService authorizations;
    @Autowired
    dev.janua.server.oidc.persistence.JdbcAuthorizations authorizationRows;

    @Test
    void anAuthorizationRevokedWhileATokenRequestHoldsItIsNeverStoredAgainAndTheRequestIsRefused() {
        Grant g = grant("oidc-revoke-race");
        // what the refresh-token grant does: load the authorization by its refresh token...
        var loaded = authorizations.findByToken(g.refresh(),
                org.springframework.security.oauth2.server.authorization.OAuth2TokenType.REFRESH_TOKEN);
        assertThat(loaded).isNotNull();
        // ..."remove access" deletes it meanwhile (the statement ConsentedApplications.revoke runs)...
        assertThat(authorizationRows.deleteFor(g.app().id(), g.userId())).isEqualTo(1);
        // ...and the grant saves it back with fresh tokens: refused as invalid_grant, nothing stored
        java.time.Instant now = java.time.Instant.now();
        var fresh = new org.springframework.security.oauth2.core.OAuth2AccessToken(
                org.springframework.security.oauth2.core.OAuth2AccessToken.TokenType.BEARER, "fresh-" + g.userId(), now, now.plusSeconds(300));
        var rotated = org.springframework.security.oauth2.server.authorization.OAuth2Authorization.from(loaded).token(fresh).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> authorizations.save(rotated))
                .isInstanceOfSatisfying(org.springframework.security.oauth2.core.OAuth2AuthenticationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_grant"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oidc_authorizations WHERE principal_name = :u").param("u", g.userId())
                .query(Long.class).single()).isZero();
        assertThat(authorizations.findByToken(fresh.getTokenValue(), null)).isNull();
        assertThat(refresh(g.app(), g.refresh()).statusCode()).isEqualTo(400);
        assertThat(active(g.app(), g.access())).isFalse();
    }

    @Autowired
    dev.janua.server.oidc.app.AuthorizationSweeper sweeper;

    @Test
    void theSweeperDeletesAuthorizationsAndSpentTokensWhoseEveryTokenExpired() {
        Grant g = grant("oidc-sweep");
        assertThat(refresh(g.app(), g.refresh()).statusCode()).isEqualTo(200);
        String live = "SELECT COUNT(*) FROM oidc_authorizations WHERE principal_name = :u";
        String spent = "SELECT COUNT(*) FROM oidc_spent_refresh_tokens s JOIN oidc_authorizations a ON a.id = s.authorization_id"
                + " WHERE a.principal_name = :u";
        assertThat(jdbc.sql(spent).param("u", g.userId()).query(Long.class).single()).isEqualTo(1);
        sweeper.sweep();
        assertThat(jdbc.sql(live).param("u", g.userId()).query(Long.class).single()).as("nothing expired yet").isEqualTo(1);
        String authorizationId = jdbc.sql("SELECT id FROM oidc_authorizations WHERE principal_name = :u").param("u", g.userId())
                .query(String.class).single();
        clock.advance(Duration.ofDays(31)); // past the refresh token's 30 days
        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql(live).param("u", g.userId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oidc_spent_refresh_tokens WHERE authorization_id = :a").param("a", authorizationId)
                .query(Long.class).single()).isZero();
    }
}
