package dev.janua.server.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import org.junit.jupiter.api.Test;

/** SCIM Groups over real HTTP: Okta's PUT updates, Entra ID's PATCH shapes, mapping groups onto roles. */
class ScimGroupsIntegrationTest extends ScimTestSupport {

    private Api.Response createGroup(Tenant t, String name, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String m : memberIds) members.append(members.isEmpty() ? "" : ",").append("{\"value\":\"").append(m).append("\"}");
        Api.Response r = api.post(SCIM + "/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[%s]}""".formatted(name, members),
                t.scim());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r;
    }

    @Test
    void oktaLooksUpByDisplayNameAndUpdatesMembershipWithPut() {
        Tenant t = tenant("okta-groups");
        String a = createUser(t, uniqueUserName("a")).text("/id");
        String b = createUser(t, uniqueUserName("b")).text("/id");
        assertThat(api.get(SCIM + "/Groups?filter=" + q("displayName eq \"Engineering\""), t.scim()).json().path("totalResults").asInt()).isZero();
        Api.Response created = createGroup(t, "Engineering", a);
        String id = created.text("/id");
        assertThat(created.json().path("members").size()).isEqualTo(1);
        assertThat(api.get(SCIM + "/Groups?filter=" + q("displayName eq \"engineering\""), t.scim()).json().path("totalResults").asInt()).isEqualTo(1);

        Api.Response put = api.put(SCIM + "/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"%s","displayName":"Engineering","members":[{"value":"%s"}]}
                """.formatted(id, b), t.scim());
        assertThat(put.status()).as(put.raw().body()).isEqualTo(200);
        assertThat(put.json().path("members").size()).isEqualTo(1);
        assertThat(put.text("/members/0/value")).isEqualTo(b);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'group.updated' AND subject_id = :g", "g", id)).isEqualTo(1);

        Api.Response dup = api.post(SCIM + "/Groups", "{\"displayName\":\"ENGINEERING\"}", t.scim());
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.text("/scimType")).isEqualTo("uniqueness");
        Api.Response foreign = api.post(SCIM + "/Groups", "{\"displayName\":\"X\",\"members\":[{\"value\":\"usr_nobody\"}]}", t.scim());
        assertThat(foreign.status()).isEqualTo(400);
    }

    @Test
    void entraAddsAndRemovesMembersByFilterPathAndByValueList() {
        Tenant t = tenant("entra-groups");
        String a = createUser(t, uniqueUserName("a")).text("/id");
        String b = createUser(t, uniqueUserName("b")).text("/id");
        String c = createUser(t, uniqueUserName("c")).text("/id");
        String id = createGroup(t, "Sales").text("/id");
        Api.Response add = api.patch(SCIM + "/Groups/" + id, patch("""
                [{"op":"Add","path":"members","value":[{"value":"%s"},{"value":"%s"},{"value":"%s"}]}]""".formatted(a, b, c)), t.scim());
        assertThat(add.status()).as(add.raw().body()).isEqualTo(200);
        assertThat(add.json().path("members").size()).isEqualTo(3);

        Api.Response byFilter = api.patch(SCIM + "/Groups/" + id, patch("""
                [{"op":"Remove","path":"members[value eq \\"%s\\"]"}]""".formatted(a)), t.scim());
        assertThat(byFilter.status()).as(byFilter.raw().body()).isEqualTo(200);
        assertThat(byFilter.json().path("members").size()).isEqualTo(2);

        Api.Response byValue = api.patch(SCIM + "/Groups/" + id, patch("""
                [{"op":"Remove","path":"members","value":[{"value":"%s"}]}]""".formatted(b)), t.scim());
        assertThat(byValue.status()).as(byValue.raw().body()).isEqualTo(200);
        assertThat(byValue.json().path("members").size()).isEqualTo(1);
        assertThat(byValue.text("/members/0/value")).isEqualTo(c);

        Api.Response rename = api.patch(SCIM + "/Groups/" + id, patch("[{\"op\":\"Replace\",\"value\":{\"id\":\"" + id + "\",\"displayName\":\"Sales EU\"}}]"),
                t.scim());
        assertThat(rename.text("/displayName")).isEqualTo("Sales EU");
        Api.Response noMembers = api.get(SCIM + "/Groups?excludedAttributes=members", t.scim());
        assertThat(noMembers.json().at("/Resources/0/members").isMissingNode()).isTrue();
        assertThat(api.delete(SCIM + "/Groups/" + id, null, t.scim()).status()).isEqualTo(204);
        assertThat(api.get(SCIM + "/Groups/" + id, t.scim()).status()).isEqualTo(404);
    }

    @Test
    void membersOfAMappedGroupHoldItsRoleAndLoseItWhenRemoved() {
        Tenant t = tenant("roles");
        String a = createUser(t, uniqueUserName("a")).text("/id");
        String id = createGroup(t, "Admins").text("/id");
        Account member = memberOf(t.orgId(), "member", "plain");
        assertThat(api.put("/api/v1/organizations/" + t.orgId() + "/scim/groups/" + id + "/role", Api.map("role", "admin"), member.auth()).status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/organizations/" + t.orgId() + "/scim/groups/" + id + "/role", Api.map("role", "owner"), t.owner().auth())
                .status()).isEqualTo(422);
        Api.Response mapped = api.put("/api/v1/organizations/" + t.orgId() + "/scim/groups/" + id + "/role", Api.map("role", "admin"),
                t.owner().auth());
        assertThat(mapped.status()).as(mapped.raw().body()).isEqualTo(200);

        api.patch(SCIM + "/Groups/" + id, patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + a + "\"}]}]"), t.scim());
        assertThat(role(t.orgId(), a)).isEqualTo("role_admin");
        api.patch(SCIM + "/Groups/" + id, patch("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + a + "\\\"]\"}]"), t.scim());
        assertThat(role(t.orgId(), a)).isEqualTo("role_member");

        // a user provisioned while already in a mapped group's membership list joins with that role
        api.patch(SCIM + "/Groups/" + id, patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + a + "\"}]}]"), t.scim());
        api.patch(SCIM + "/Users/" + a, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]"), t.scim());
        api.patch(SCIM + "/Users/" + a, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]"), t.scim());
        assertThat(role(t.orgId(), a)).isEqualTo("role_admin");
        // the owner is never demoted by a sync
        assertThat(role(t.orgId(), t.owner().id())).isEqualTo("role_owner");
    }

    private String role(String orgId, String userId) {
        return jdbc.sql("SELECT role_id FROM organization_members WHERE organization_id = :o AND user_id = :u")
                .param("o", orgId).param("u", userId).query(String.class).single();
    }
}
