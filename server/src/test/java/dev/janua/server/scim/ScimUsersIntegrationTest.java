package dev.janua.server.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.Concurrently;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SCIM Users over real HTTP: tokens, lifecycle, filters, paging, ETags, atomic PATCH, races, tenancy. */
class ScimUsersIntegrationTest extends ScimTestSupport {

    @Test
    void tokenIsShownOnceHashedAtRestAndReachesItsOrganizationUntilRevoked() {
        Tenant t = tenant("tok");
        assertThat(t.token()).startsWith("scim_");
        Api.Response list = api.get("/api/v1/organizations/" + t.orgId() + "/scim/tokens", t.owner().auth());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().at("/data/0/token").isMissingNode()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM scim_tokens WHERE token_hash = :h", "h", t.token())).isZero();

        assertThat(api.get(SCIM + "/Users", t.scim()).status()).isEqualTo(200);
        assertThat(list.text("/data/0/lastUsedAt")).isNull();
        assertThat(api.get("/api/v1/organizations/" + t.orgId() + "/scim/tokens", t.owner().auth()).text("/data/0/lastUsedAt")).isNotNull();

        String tokenId = list.text("/data/0/id");
        assertThat(api.delete("/api/v1/organizations/" + t.orgId() + "/scim/tokens/" + tokenId, null, t.owner().auth()).status()).isEqualTo(200);
        Api.Response denied = api.get(SCIM + "/Users", t.scim());
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.text("/schemas/0")).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(denied.text("/status")).isEqualTo("401");
    }

    @Test
    void onlyOrganizationAdminsManageTokensAndNoOtherCredentialReachesScim() {
        Tenant t = tenant("adm");
        Account member = memberOf(t.orgId(), "member", "plain");
        assertThat(api.post("/api/v1/organizations/" + t.orgId() + "/scim/tokens", Api.map("name", "x"), member.auth()).status()).isEqualTo(403);
        Account stranger = newUser("stranger");
        assertThat(api.post("/api/v1/organizations/" + t.orgId() + "/scim/tokens", Api.map("name", "x"), stranger.auth()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/organizations/" + t.orgId() + "/scim/tokens", Api.map("name", "x"), platformAdmin().auth()).status())
                .isEqualTo(201);
        assertThat(api.get(SCIM + "/Users").status()).isEqualTo(401);
        assertThat(api.get(SCIM + "/Users", t.owner().auth()).status()).isEqualTo(401);
        assertThat(api.get(SCIM + "/Users", "Authorization", "Bearer scim_forged").status()).isEqualTo(401);
    }

    @Test
    void oktaLooksUpByUserNameThenCreatesAndTheUserJoinsWithTheDefaultRole() {
        Tenant t = tenant("okta");
        String userName = uniqueUserName("Okta.User");
        Api.Response lookup = api.get(SCIM + "/Users?filter=" + q("userName eq \"" + userName + "\"") + "&startIndex=1&count=100", t.scim());
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.header("Content-Type")).startsWith(CT);
        assertThat(lookup.json().path("totalResults").asInt()).isZero();

        Api.Response created = createUser(t, userName);
        String id = created.text("/id");
        assertThat(id).startsWith("usr_");
        assertThat(created.header("Location")).endsWith("/api/v1/scim/v2/Users/" + id);
        assertThat(created.header("ETag")).startsWith("W/");
        assertThat(created.json().at("/meta/resourceType").asString()).isEqualTo("User");
        assertThat(count("SELECT COUNT(*) FROM organization_members WHERE organization_id = :o AND user_id = :u AND role_id = 'role_member'",
                "o", t.orgId(), "u", id)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'user.provisioned' AND subject_id = :u", "u", id)).isEqualTo(1);

        // case-insensitive userName: the lookup finds it whatever the case, and a second create is a uniqueness error
        Api.Response again = api.get(SCIM + "/Users?filter=" + q("userName eq \"" + userName.toUpperCase() + "\""), t.scim());
        assertThat(again.json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(again.text("/Resources/0/id")).isEqualTo(id);
        Api.Response dup = api.post(SCIM + "/Users", userBody(userName.toLowerCase(), uniqueUserName("other"), "A", "B"), t.scim());
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.text("/scimType")).isEqualTo("uniqueness");
        assertThat(dup.text("/status")).isEqualTo("409");
    }

    @Test
    void filtersPagingCountZeroSortingAndProjection() {
        Tenant t = tenant("filters");
        for (int i = 0; i < 3; i++) createUser(t, uniqueUserName("u" + i));
        Api.Response zero = api.get(SCIM + "/Users?count=0", t.scim());
        assertThat(zero.status()).isEqualTo(200);
        assertThat(zero.json().path("totalResults").asInt()).isEqualTo(3);
        assertThat(zero.json().path("Resources").size()).isZero();
        assertThat(zero.json().path("itemsPerPage").asInt()).isZero();

        Api.Response page = api.get(SCIM + "/Users?startIndex=2&count=1", t.scim());
        assertThat(page.json().path("totalResults").asInt()).isEqualTo(3);
        assertThat(page.json().path("startIndex").asInt()).isEqualTo(2);
        assertThat(page.json().path("Resources").size()).isEqualTo(1);

        Api.Response sw = api.get(SCIM + "/Users?filter=" + q("userName sw \"u1\" or userName sw \"u2\"") + "&sortBy=userName&sortOrder=descending",
                t.scim());
        assertThat(sw.json().path("totalResults").asInt()).isEqualTo(2);
        assertThat(sw.text("/Resources/0/userName")).startsWith("u2");
        Api.Response emails = api.get(SCIM + "/Users?filter=" + q("emails[type eq \"work\" and value co \"u0\"]"), t.scim());
        assertThat(emails.json().path("totalResults").asInt()).isEqualTo(1);
        Api.Response not = api.get(SCIM + "/Users?filter=" + q("not (userName sw \"u0\") and active eq true"), t.scim());
        assertThat(not.json().path("totalResults").asInt()).isEqualTo(2);
        Api.Response lastModified = api.get(SCIM + "/Users?filter=" + q("meta.lastModified gt \"2000-01-01T00:00:00Z\""), t.scim());
        assertThat(lastModified.json().path("totalResults").asInt()).isEqualTo(3);

        Api.Response projected = api.get(SCIM + "/Users?attributes=userName&count=1", t.scim());
        assertThat(projected.json().at("/Resources/0/userName").isMissingNode()).isFalse();
        assertThat(projected.json().at("/Resources/0/emails").isMissingNode()).isTrue();
        Api.Response excluded = api.get(SCIM + "/Users?excludedAttributes=emails,name.givenName&count=1", t.scim());
        assertThat(excluded.json().at("/Resources/0/emails").isMissingNode()).isTrue();
        assertThat(excluded.json().at("/Resources/0/name/familyName").asString()).isEqualTo("Lovelace");

        Api.Response bad = api.get(SCIM + "/Users?filter=" + q("userName eq"), t.scim());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("/scimType")).isEqualTo("invalidFilter");
    }

    @Test
    void putReplacesAndStaleIfMatchIs412() {
        Tenant t = tenant("put");
        Api.Response created = createUser(t, uniqueUserName("put"));
        String id = created.text("/id");
        String etag = created.header("ETag");
        String body = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"%s","name":{"givenName":"Grace","familyName":"Hopper"},"emails":[{"value":"%s","primary":true}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"42","department":"Navy","manager":{"value":"mgr-1"}}}
                """.formatted(created.text("/userName"), created.text("/emails/0/value"));
        Api.Response put = api.put(SCIM + "/Users/" + id, body, t.scim("If-Match", etag));
        assertThat(put.status()).as(put.raw().body()).isEqualTo(200);
        assertThat(put.text("/name/givenName")).isEqualTo("Grace");
        assertThat(put.json().at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/department").asString()).isEqualTo("Navy");
        assertThat(put.json().at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/manager/value").asString()).isEqualTo("mgr-1");
        assertThat(put.header("ETag")).isNotEqualTo(etag);

        Api.Response stale = api.put(SCIM + "/Users/" + id, body, t.scim("If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(api.get(SCIM + "/Users/" + id, t.scim()).text("/name/givenName")).isEqualTo("Grace");
    }

    @Test
    void entraIdPatchShapesApply() {
        Tenant t = tenant("entra");
        String id = createUser(t, uniqueUserName("entra")).text("/id");
        Api.Response r = api.patch(SCIM + "/Users/" + id, patch("""
                [{"op":"Replace","path":"displayName","value":"Ada L."},
                 {"op":"Add","value":{"name.givenName":"Augusta","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Maths"}},
                 {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"%s"}]""".formatted(uniqueUserName("newmail"))), t.scim());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.text("/displayName")).isEqualTo("Ada L.");
        assertThat(r.text("/name/givenName")).isEqualTo("Augusta");
        assertThat(r.text("/emails/0/value")).startsWith("newmail");
        assertThat(r.json().at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/department").asString()).isEqualTo("Maths");
    }

    @Test
    void patchIsAtomicAFailingOperationLeavesNothingApplied() {
        Tenant t = tenant("atomic");
        String taken = createUser(t, uniqueUserName("taken")).text("/userName");
        Api.Response created = createUser(t, uniqueUserName("atomic"));
        String id = created.text("/id");
        Api.Response r = api.patch(SCIM + "/Users/" + id, patch("""
                [{"op":"replace","path":"displayName","value":"Changed"},{"op":"replace","path":"userName","value":"%s"}]""".formatted(taken)),
                t.scim());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("/scimType")).isEqualTo("uniqueness");
        Api.Response invalid = api.patch(SCIM + "/Users/" + id, patch("""
                [{"op":"replace","path":"displayName","value":"Changed"},{"op":"replace","path":"active","value":"maybe"}]"""), t.scim());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text("/scimType")).isEqualTo("invalidValue");
        Api.Response removeWithoutPath = api.patch(SCIM + "/Users/" + id, patch("[{\"op\":\"remove\"}]"), t.scim());
        assertThat(removeWithoutPath.status()).isEqualTo(400);
        assertThat(removeWithoutPath.text("/scimType")).isEqualTo("noTarget");
        Api.Response after = api.get(SCIM + "/Users/" + id, t.scim());
        assertThat(after.json().path("displayName").asString(null)).isNotEqualTo("Changed");
        assertThat(after.header("ETag")).isEqualTo(created.header("ETag"));
    }

    @Test
    void activeFalseAsEntraStringEndsSessionsAtOnceAndTrueRestoresMembership() {
        Tenant t = tenant("deact");
        Account person = memberOf(t.orgId(), "member", "person");
        // the directory links an account that is already a member of its organization
        Api.Response linked = api.post(SCIM + "/Users", userBody(person.email(), person.email(), "Per", "Son"), t.scim());
        assertThat(linked.status()).as(linked.raw().body()).isEqualTo(201);
        String id = linked.text("/id");
        assertThat(id).isEqualTo(person.id());
        assertThat(api.get("/api/v1/users/me", person.auth()).status()).isEqualTo(200);

        Api.Response off = api.patch(SCIM + "/Users/" + id, patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]"), t.scim());
        assertThat(off.status()).as(off.raw().body()).isEqualTo(200);
        assertThat(off.json().path("active").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/users/me", person.auth()).status()).isEqualTo(401);
        assertThat(count("SELECT COUNT(*) FROM organization_members WHERE organization_id = :o AND user_id = :u", "o", t.orgId(), "u", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'user.deprovisioned' AND subject_id = :u", "u", id)).isEqualTo(1);

        Api.Response on = api.patch(SCIM + "/Users/" + id, patch("[{\"op\":\"replace\",\"value\":{\"active\":true}}]"), t.scim());
        assertThat(on.status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM organization_members WHERE organization_id = :o AND user_id = :u", "o", t.orgId(), "u", id)).isEqualTo(1);
    }

    @Test
    void deactivatingAnAccountTheDirectoryCreatedSuspendsItAndDeleteRemovesIt() {
        Tenant t = tenant("owned");
        String id = createUser(t, uniqueUserName("owned")).text("/id");
        api.patch(SCIM + "/Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]"), t.scim());
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = :u AND status = 'suspended'", "u", id)).isEqualTo(1);
        Api.Response del = api.delete(SCIM + "/Users/" + id, null, t.scim());
        assertThat(del.status()).isEqualTo(204);
        assertThat(api.get(SCIM + "/Users/" + id, t.scim()).status()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = :u", "u", id)).isZero();
    }

    @Test
    void anExistingAccountOutsideTheOrganizationIsNotClaimed() {
        Tenant t = tenant("claim");
        Account outsider = newUser("outsider");
        Api.Response r = api.post(SCIM + "/Users", userBody(outsider.email(), outsider.email(), "O", "U"), t.scim());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("/scimType")).isEqualTo("uniqueness");
        assertThat(count("SELECT COUNT(*) FROM organization_members WHERE user_id = :u", "u", outsider.id())).isZero();
    }

    @Test
    void simultaneousCreatesOfDifferentUsersInOneOrganizationAllSucceed() throws Exception {
        // found by the SCIM bench on PostgreSQL: the scim_users insert (foreign key → KEY SHARE on the organization)
        // came before the join's FOR UPDATE on the same row, so concurrent creates deadlocked (500)
        Tenant t = tenant("burst");
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        List<Api.Response> results = Concurrently.run(8, () -> {
            String userName = uniqueUserName("burst" + n.incrementAndGet());
            return api.post(SCIM + "/Users", userBody(userName, userName, "B", "U"), t.scim());
        });
        assertThat(results).extracting(Api.Response::status).containsOnly(201);
        assertThat(count("SELECT COUNT(*) FROM scim_users WHERE organization_id = :o", "o", t.orgId())).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM organization_members WHERE organization_id = :o", "o", t.orgId())).isEqualTo(9);
    }

    @Test
    void twoSimultaneousCreatesOfOneUserNameLeaveOneUser() throws Exception {
        Tenant t = tenant("race");
        String userName = uniqueUserName("race");
        List<Api.Response> results = Concurrently.run(2, () -> api.post(SCIM + "/Users", userBody(userName, userName, "R", "C"), t.scim()));
        assertThat(results).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
        Api.Response loser = results.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(loser.text("/scimType")).isEqualTo("uniqueness");
        assertThat(count("SELECT COUNT(*) FROM scim_users WHERE organization_id = :o", "o", t.orgId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM users WHERE email = :e", "e", userName)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM organization_members WHERE organization_id = :o", "o", t.orgId())).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'user.provisioned' AND organization_id = :o", "o", t.orgId()))
                .isEqualTo(1);
    }

    @Test
    void aTokenReachesOnlyItsOrganization() {
        Tenant a = tenant("iso-a");
        Tenant b = tenant("iso-b");
        String id = createUser(a, uniqueUserName("iso")).text("/id");
        assertThat(api.get(SCIM + "/Users/" + id, b.scim()).status()).isEqualTo(404);
        assertThat(api.patch(SCIM + "/Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]"), b.scim()).status())
                .isEqualTo(404);
        assertThat(api.delete(SCIM + "/Users/" + id, null, b.scim()).status()).isEqualTo(404);
        assertThat(api.get(SCIM + "/Users?filter=" + q("id eq \"" + id + "\""), b.scim()).json().path("totalResults").asInt()).isZero();
        assertThat(api.get(SCIM + "/Users", b.scim()).json().path("totalResults").asInt()).isZero();
        assertThat(api.get(SCIM + "/Users/" + id, a.scim()).json().path("active").asBoolean()).isTrue();
    }

    @Test
    void seedAliasesAndDiscoveryAnswerAndJsonIsAccepted() {
        Tenant t = tenant("alias");
        String[] json = {"Authorization", Api.bearer(t.token()), "Content-Type", "application/json"};
        String userName = uniqueUserName("alias");
        assertThat(api.post("/api/v1/scim/Users", userBody(userName, userName, "A", "B"), json).status()).isEqualTo(201);
        assertThat(api.get("/v1/scim/v2/Users?count=0", json).json().path("totalResults").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/scim/Users", json).json().path("totalResults").asInt()).isEqualTo(1);
        Api.Response spc = api.get(SCIM + "/ServiceProviderConfig", t.scim());
        assertThat(spc.status()).as(spc.raw().body()).isEqualTo(200);
        assertThat(spc.json().at("/patch/supported").asBoolean()).isTrue();
        assertThat(spc.json().at("/filter/maxResults").asInt()).isEqualTo(1000);
        Api.Response types = api.get(SCIM + "/ResourceTypes", t.scim());
        assertThat(types.json().path("totalResults").asInt()).isEqualTo(2);
        Api.Response schemas = api.get(SCIM + "/Schemas", t.scim());
        assertThat(schemas.status()).as(schemas.raw().body()).isEqualTo(200);
        assertThat(schemas.json().path("totalResults").asInt()).isEqualTo(3);
        assertThat(api.get(SCIM + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", t.scim()).status()).isEqualTo(200);
        Api.Response garbage = api.post(SCIM + "/Users", "{not json", t.scim());
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.text("/scimType")).isEqualTo("invalidSyntax");
    }
}
