package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Applications of organizations: who may manage them (platform admins all; an organization's owners
 * and admins only theirs; everyone else 403), client-credentials tokens that carry the organization,
 * and the {@code organizations} scope's claims (with the ID token's {@code sid}).
 */
class OidcOrganizationIntegrationTest extends OidcTestSupport {
    static final String REDIRECT = "https://org-app.example.com/cb";

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
        Api.Response r = api.post("/api/v1/organizations", Api.map("name", "Org " + owner.id()), owner.auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.text("/id");
    }

    void addMember(String org, String userId, String role) {
        Api.Response r = api.post("/api/v1/organizations/" + org + "/members", Api.map("userId", userId, "role", role),
                "Authorization", Api.bearer(adminToken()));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    }

    Api.Response create(Person who, String org, String name) {
        Map<String, Object> body = Api.map("name", name, "type", "confidential", "redirectUris", List.of(REDIRECT));
        if (org != null) body.put("organizationId", org);
        return api.post("/api/v1/applications", body, who.auth());
    }

    @Test
    void organizationAdminsManageTheirOrganizationsApplicationsOnly() {
        Person owner = person("app-owner");
        String org = org(owner);
        Person admin = person("app-admin");
        addMember(org, admin.id(), "admin");
        Person member = person("app-member");
        addMember(org, member.id(), "member");
        Person outsider = person("app-outsider");
        Person otherOwner = person("app-other");
        String otherOrg = org(otherOwner);

        Api.Response byOwner = create(owner, org, "Owner's app");
        assertThat(byOwner.status()).as(byOwner.raw().body()).isEqualTo(201);
        assertThat(byOwner.text("/organizationId")).isEqualTo(org);
        assertThat(byOwner.text("/clientSecret")).startsWith("jcs_");
        String appId = byOwner.text("/id");
        assertThat(create(admin, org, "Admin's app").status()).isEqualTo(201);
        Api.Response otherApp = create(otherOwner, otherOrg, "Other org's app");
        assertThat(otherApp.status()).isEqualTo(201);

        // creating: members, outsiders, unknown organizations and platform applications are refused alike
        assertThat(create(member, org, "x").errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(create(outsider, org, "x").errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(create(owner, "org_doesnotexist", "x").errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(create(owner, null, "x").errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(create(member, org, "x").status()).isEqualTo(403);

        // listing: one organization's, for its admins; everything for platform admins
        Api.Response mine = api.get("/api/v1/applications?organizationId=" + org, admin.auth());
        assertThat(mine.status()).as(mine.raw().body()).isEqualTo(200);
        assertThat(mine.json().path("data").size()).isEqualTo(2);
        mine.json().path("data").forEach(a -> assertThat(a.path("organizationId").asString()).isEqualTo(org));
        assertThat(api.get("/api/v1/applications", owner.auth()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/applications?organizationId=" + org, member.auth()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/applications?organizationId=" + org, otherOwner.auth()).status()).isEqualTo(403);
        String adminToken = adminToken();
        Api.Response all = api.get("/api/v1/applications?limit=100", "Authorization", Api.bearer(adminToken));
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("data").toString()).contains(appId).contains(otherApp.text("/id"));
        assertThat(api.get("/api/v1/applications/" + appId, "Authorization", Api.bearer(adminToken)).status()).isEqualTo(200);

        // one application: its organization's owners and admins only
        String path = "/api/v1/applications/" + appId;
        assertThat(api.get(path, admin.auth()).status()).isEqualTo(200);
        for (Person who : List.of(member, outsider, otherOwner)) {
            assertThat(api.get(path, who.auth()).status()).isEqualTo(403);
            assertThat(api.patch(path, Api.map("name", "taken over"), who.auth()).status()).isEqualTo(403);
            assertThat(api.post(path + "/rotate-secret", Map.of(), who.auth()).status()).isEqualTo(403);
            assertThat(api.delete(path, null, who.auth()).status()).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/applications/app_doesnotexist", owner.auth()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/applications/" + otherApp.text("/id"), owner.auth()).status()).isEqualTo(403);
        assertThat(api.patch(path, Api.map("organizationId", otherOrg), owner.auth()).status()).isEqualTo(422);

        Api.Response renamed = api.patch(path, Api.map("name", "Renamed"), admin.auth());
        assertThat(renamed.status()).as(renamed.raw().body()).isEqualTo(200);
        assertThat(renamed.text("/name")).isEqualTo("Renamed");
        assertThat(api.post(path + "/rotate-secret", Map.of(), owner.auth()).text("/clientSecret")).startsWith("jcs_");
        // the organization's audit trail sees its applications' changes
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE subject_id = :id AND organization_id = :org")
                .param("id", appId).param("org", org).query(Long.class).single()).isEqualTo(3);
        assertThat(api.delete(path, null, owner.auth()).status()).isEqualTo(200);
        assertThat(api.get(path, "Authorization", Api.bearer(adminToken)).status()).isEqualTo(404);
    }

    @Test
    void clientCredentialsTokensOfAnOrganizationsMachineApplicationCarryTheOrganization() throws Exception {
        Person owner = person("m2m-owner");
        String org = org(owner);
        Api.Response r = api.post("/api/v1/applications", Api.map("name", "Reports job", "type", "machine", "scopes",
                List.of("reports.read"), "organizationId", org), owner.auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        App machine = new App(r.text("/id"), r.text("/clientId"), r.text("/clientSecret"), List.of());
        HttpResponse<String> t = tokenPost("/oauth2/token", machine, machine.secret(),
                Map.of("grant_type", "client_credentials", "scope", "reports.read"));
        assertThat(t.statusCode()).as(t.body()).isEqualTo(200);
        var claims = SignedJWT.parse(json(t).path("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("org_id")).isEqualTo(org);
        assertThat(claims.getSubject()).isEqualTo(machine.clientId());
        JsonNode introspected = json(tokenPost("/oauth2/introspect", machine, machine.secret(),
                Map.of("token", json(t).path("access_token").asString())));
        assertThat(introspected.path("active").asBoolean()).isTrue();

        App platformMachine = register("type", "machine", "scopes", List.of("reports.read"));
        HttpResponse<String> p = tokenPost("/oauth2/token", platformMachine, platformMachine.secret(),
                Map.of("grant_type", "client_credentials", "scope", "reports.read"));
        assertThat(SignedJWT.parse(json(p).path("access_token").asString()).getJWTClaimsSet().getClaim("org_id")).isNull();
    }

    @Test
    void theOrganizationsScopeAddsOrganizationsWithRoleAndPermissionsAndIdTokensCarryTheSessionId() throws Exception {
        App app = register("type", "confidential", "redirectUris", List.of(REDIRECT), "firstParty", true,
                "scopes", List.of("openid", "email", "organizations"));
        BrowserClient b = browser();
        String userId = signedInBrowser(b, uniqueEmail("org-claims"));
        Person owner = person("org-claims-owner");
        String org = org(owner);
        addMember(org, userId, "admin");

        Pkce pkce = Pkce.create();
        String code = query(location(b.get(authorizeUrl(app, REDIRECT, "openid organizations", "s", null, pkce)))).get("code");
        HttpResponse<String> t = redeem(app, app.secret(), code, REDIRECT, pkce.verifier());
        assertThat(t.statusCode()).as(t.body()).isEqualTo(200);
        var id = SignedJWT.parse(json(t).path("id_token").asString()).getJWTClaimsSet();
        assertThat(id.getStringClaim("sid")).isEqualTo(browserSessionId(userId));
        List<Object> orgs = id.getListClaim("organizations");
        assertThat(orgs).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) orgs.get(0);
        assertThat(o).containsEntry("id", org).containsEntry("role", "admin");
        assertThat(o.get("permissions").toString()).contains("organization:update").doesNotContain("organization:delete");

        JsonNode userinfo = json(getWithBearer("/userinfo", json(t).path("access_token").asString()));
        assertThat(userinfo.path("organizations").path(0).path("id").asString()).isEqualTo(org);
        assertThat(userinfo.path("organizations").path(0).path("role").asString()).isEqualTo("admin");
        assertThat(userinfo.has("email")).isFalse();

        // without the scope, no organization claims
        Pkce plain = Pkce.create();
        String code2 = query(location(b.get(authorizeUrl(app, REDIRECT, "openid email", "s2", null, plain)))).get("code");
        var id2 = SignedJWT.parse(json(redeem(app, app.secret(), code2, REDIRECT, plain.verifier())).path("id_token").asString())
                .getJWTClaimsSet();
        assertThat(id2.getClaim("organizations")).isNull();
        assertThat(id2.getStringClaim("sid")).isEqualTo(browserSessionId(userId));
    }
}
