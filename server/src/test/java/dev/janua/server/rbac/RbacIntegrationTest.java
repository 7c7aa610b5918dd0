package dev.janua.server.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Role-based access over real HTTP: what each system role may and may not do, custom roles, the
 * permission catalogue, permission checks, and that no one reaches another organization's data.
 */
class RbacIntegrationTest extends TenantFixtures {

    /** One request per guarded action, against a fresh target where the action changes state. */
    private Map<String, Function<Account, Api.Response>> actions(String org, Account owner) {
        Map<String, Function<Account, Api.Response>> a = new LinkedHashMap<>();
        a.put("read organization", c -> api.get("/api/v1/organizations/" + org, c.auth()));
        a.put("update organization", c -> api.patch("/api/v1/organizations/" + org, Api.map("description", "by " + c.id()), c.auth()));
        a.put("list members", c -> api.get("/api/v1/organizations/" + org + "/members", c.auth()));
        a.put("invite", c -> api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", uniqueEmail("m"), "role", "viewer"), c.auth()));
        a.put("list invitations", c -> api.get("/api/v1/organizations/" + org + "/invitations", c.auth()));
        a.put("change a role", c -> api.patch("/api/v1/organizations/" + org + "/members/" + memberOf(org, "viewer", "t").id(),
                Api.map("role", "member"), c.auth()));
        a.put("remove a member", c -> api.delete("/api/v1/organizations/" + org + "/members/" + memberOf(org, "viewer", "t").id(), null, c.auth()));
        a.put("list roles", c -> api.get("/api/v1/roles", c.auth("X-Organization-ID", org)));
        a.put("create a role", c -> api.post("/api/v1/roles", Api.map("name", "R " + c.id().substring(20) + System.nanoTime(),
                "permissions", List.of("organization:read")), c.auth("X-Organization-ID", org)));
        a.put("list api keys", c -> api.get("/api/v1/api-keys", c.auth("X-Organization-ID", org)));
        a.put("create an api key", c -> api.post("/api/v1/organizations/" + org + "/api-keys", Api.map("name", "k",
                "permissions", List.of("organization:read")), c.auth()));
        return a;
    }

    @Test
    void eachSystemRoleIsAllowedAndDeniedExactlyItsActions() {
        Account owner = newUser("matrix");
        String org = createOrg(owner);
        Map<String, List<String>> allowed = Map.of(
                "owner", List.of("read organization", "update organization", "list members", "invite", "list invitations", "change a role",
                        "remove a member", "list roles", "create a role", "list api keys", "create an api key"),
                "admin", List.of("read organization", "update organization", "list members", "invite", "list invitations", "change a role",
                        "remove a member", "list roles", "create a role", "list api keys", "create an api key"),
                "member", List.of("read organization", "list members", "invite", "list invitations", "list roles"),
                "viewer", List.of("read organization", "list members", "list roles"));
        for (String role : List.of("owner", "admin", "member", "viewer")) {
            Account caller = role.equals("owner") ? owner : memberOf(org, role, role);
            actions(org, owner).forEach((name, action) -> {
                Api.Response r = action.apply(caller);
                if (allowed.get(role).contains(name)) {
                    assertThat(r.status()).as(role + " may " + name + ": " + r.raw().body()).isBetween(200, 201);
                } else {
                    assertThat(r.status()).as(role + " may not " + name).isEqualTo(403);
                    assertThat(r.errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
                }
            });
        }
        Account admin = memberOf(org, "admin", "notowner");
        assertThat(api.delete("/api/v1/organizations/" + org, null, admin.auth()).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/organizations/" + org, null, owner.auth()).status()).isEqualTo(200);
    }

    @Test
    void noOneReachesAnotherOrganizationsData() {
        Account alice = newUser("alice");
        String mine = createOrg(alice);
        Account bob = newUser("bob");
        String theirs = createOrg(bob);
        Account bobsMember = memberOf(theirs, "member", "bobsmember");
        String invitation = api.post("/api/v1/organizations/" + theirs + "/invitations", Api.map("email", uniqueEmail("x")), bob.auth()).text("/id");
        api.post("/api/v1/roles", Api.map("name", "Secret Role", "permissions", List.of("content:read")), bob.auth("X-Organization-ID", theirs));
        String bobsKeyId = api.post("/api/v1/organizations/" + theirs + "/api-keys", Api.map("name", "k", "permissions", List.of("members:read")),
                bob.auth()).text("/id");

        List<Api.Response> attempts = List.of(
                api.get("/api/v1/organizations/" + theirs, alice.auth()),
                api.patch("/api/v1/organizations/" + theirs, Api.map("name", "pwned"), alice.auth()),
                api.put("/api/v1/organizations/" + theirs, Api.map("name", "pwned"), alice.auth()),
                api.delete("/api/v1/organizations/" + theirs, null, alice.auth()),
                api.get("/api/v1/organizations/" + theirs + "/members", alice.auth()),
                api.get("/api/v1/organizations/" + theirs + "/members/" + bobsMember.id(), alice.auth()),
                api.patch("/api/v1/organizations/" + theirs + "/members/" + bobsMember.id(), Api.map("role", "viewer"), alice.auth()),
                api.post("/api/v1/organizations/" + theirs + "/members/" + bobsMember.id() + "/role", Api.map("role", "viewer"), alice.auth()),
                api.delete("/api/v1/organizations/" + theirs + "/members/" + bobsMember.id(), null, alice.auth()),
                api.post("/api/v1/organizations/" + theirs + "/invitations", Api.map("email", uniqueEmail("y")), alice.auth()),
                api.get("/api/v1/organizations/" + theirs + "/invitations", alice.auth()),
                api.delete("/api/v1/organizations/" + theirs + "/invitations/" + invitation, null, alice.auth()),
                api.post("/api/v1/organizations/" + theirs + "/invitations/" + invitation + "/resend", null, alice.auth()),
                api.get("/api/v1/roles", alice.auth("X-Organization-ID", theirs)),
                api.get("/api/v1/organizations/" + theirs + "/roles", alice.auth()),
                api.post("/api/v1/roles", Api.map("name", "Mine Now", "permissions", List.of("content:read")), alice.auth("X-Organization-ID", theirs)),
                api.delete("/api/v1/roles/secret-role", null, alice.auth("X-Organization-ID", theirs)),
                api.get("/api/v1/api-keys", alice.auth("X-Organization-ID", theirs)),
                api.delete("/api/v1/api-keys/" + bobsKeyId, null, alice.auth("X-Organization-ID", theirs)),
                api.post("/api/v1/organizations/" + theirs + "/api-keys", Api.map("name", "k", "permissions", List.of("members:read")), alice.auth()),
                api.post("/api/v1/users/" + bobsMember.id() + "/permissions/check", Api.map("permissions", List.of("members:read"),
                        "context", Api.map("organizationId", theirs)), alice.auth()),
                api.get("/api/v1/users/" + bobsMember.id() + "/roles", alice.auth("X-Organization-ID", theirs)));
        for (Api.Response r : attempts) {
            assertThat(r.status()).as(r.raw().request().method() + " " + r.raw().uri() + " → " + r.raw().body()).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("ORGANIZATION_NOT_FOUND");
        }
        // an id in her own organization's path does not reach records of the other one
        assertThat(api.delete("/api/v1/organizations/" + mine + "/invitations/" + invitation, null, alice.auth()).errorCode())
                .isEqualTo("INVITATION_NOT_FOUND");
        assertThat(api.delete("/api/v1/organizations/" + mine + "/members/" + bobsMember.id(), null, alice.auth()).errorCode())
                .isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.delete("/api/v1/roles/secret-role", null, alice.auth("X-Organization-ID", mine)).errorCode()).isEqualTo("ROLE_NOT_FOUND");
        assertThat(api.delete("/api/v1/organizations/" + mine + "/api-keys/" + bobsKeyId, null, alice.auth()).errorCode())
                .isEqualTo("API_KEY_NOT_FOUND");
        assertThat(api.get("/api/v1/users/" + bobsMember.id() + "/roles", alice.auth()).status()).isEqualTo(403);
        // nothing changed over there
        assertThat(api.get("/api/v1/organizations/" + theirs, bob.auth()).json().at("/memberCount").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/organizations/" + theirs + "/invitations/" + invitation, bob.auth()).text("/status")).isEqualTo("pending");
        assertThat(api.get("/api/v1/organizations/" + theirs + "/members/" + bobsMember.id(), bob.auth()).text("/role")).isEqualTo("member");
    }

    @Test
    void customRolesAreCreatedUpdatedCountedAndDeletedWhenUnused() {
        Account owner = newUser("custom");
        String org = createOrg(owner);
        String[] ctx = owner.auth("X-Organization-ID", org);
        Api.Response created = api.post("/api/v1/roles", Api.map("name", "Marketing Manager", "description", "Campaigns",
                "permissions", List.of("content:read", "campaigns:*", "content:read")), ctx);
        assertThat(created.status()).isEqualTo(201);
        String roleId = created.text("/id");
        assertThat(roleId).startsWith("role_");
        assertThat(created.text("/key")).isEqualTo("marketing-manager");
        assertThat(created.json().at("/isSystem").asBoolean()).isFalse();
        assertThat(created.json().at("/permissions").toString()).isEqualTo("[\"content:read\",\"campaigns:*\"]");
        assertThat(api.post("/api/v1/roles", Api.map("name", "Marketing Manager"), ctx).errorCode()).isEqualTo("ROLE_ALREADY_EXISTS");
        assertThat(api.post("/api/v1/roles", Api.map("name", "Admin"), ctx).errorCode()).isEqualTo("ROLE_ALREADY_EXISTS");
        assertThat(api.post("/api/v1/roles", Api.map("name", "Bad", "permissions", List.of("Not Valid")), ctx).errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/roles", Api.map("name", "Root", "permissions", List.of("users:write")), ctx).errorCode()).isEqualTo("VALIDATION_ERROR");

        Account marketer = newUser("marketer");
        addMember(org, marketer, "marketing-manager");
        Api.Response list = api.get("/api/v1/organizations/" + org + "/roles", owner.auth());
        assertThat(list.json().at("/data").size()).isEqualTo(5);
        assertThat(list.text("/data/0/id")).isEqualTo("role_owner");
        assertThat(list.json().at("/data/0/memberCount").asLong()).isEqualTo(1);
        assertThat(list.json().at("/data/4/memberCount").asLong()).isEqualTo(1);

        Api.Response updated = api.patch("/api/v1/roles/" + roleId, Api.map("permissions", List.of("content:write")), ctx);
        assertThat(updated.json().at("/permissions").toString()).isEqualTo("[\"content:write\"]");
        assertThat(updated.text("/name")).isEqualTo("Marketing Manager");
        Api.Response check = api.post("/api/v1/users/" + marketer.id() + "/permissions/check",
                Api.map("permissions", List.of("content:write", "content:read")), marketer.auth("X-Organization-ID", org));
        assertThat(check.json().at("/results/0/granted").asBoolean()).isTrue();
        assertThat(check.text("/results/0/source")).isEqualTo(roleId);
        assertThat(check.json().at("/results/1/granted").asBoolean()).isFalse();

        assertThat(api.put("/api/v1/roles/role_admin", Api.map("name", "Boss"), ctx).errorCode()).isEqualTo("SYSTEM_ROLE_IMMUTABLE");
        assertThat(api.delete("/api/v1/roles/role_viewer", null, ctx).errorCode()).isEqualTo("SYSTEM_ROLE_IMMUTABLE");
        Api.Response inUse = api.delete("/api/v1/roles/" + roleId, null, ctx);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.errorCode()).isEqualTo("ROLE_IN_USE");
        api.patch("/api/v1/organizations/" + org + "/members/" + marketer.id(), Api.map("role", "viewer"), owner.auth());
        assertThat(api.delete("/api/v1/roles/" + roleId, null, ctx).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/roles/" + roleId, ctx).errorCode()).isEqualTo("ROLE_NOT_FOUND");
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE subject_id = :id AND type LIKE 'role.%'", "id", roleId)).isEqualTo(3);
    }

    @Test
    void withoutAnOrganizationRolesAreTheSystemRolesAndTheCatalogueIsListed() {
        Account user = newUser("catalogue");
        Api.Response roles = api.get("/api/v1/roles", user.auth());
        assertThat(roles.status()).isEqualTo(200);
        assertThat(roles.json().at("/data").size()).isEqualTo(4);
        assertThat(roles.text("/data/1/id")).isEqualTo("role_admin");
        assertThat(roles.json().at("/data/1/isSystem").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/roles/viewer", user.auth()).json().at("/permissions").toString()).contains("organization:read");

        Api.Response catalogue = api.get("/api/v1/permissions", user.auth());
        assertThat(catalogue.status()).isEqualTo(200);
        var first = catalogue.json().at("/data/0");
        assertThat(first.at("/id").asString()).isEqualTo("organization:read");
        assertThat(first.at("/name").asString()).isNotBlank();
        assertThat(first.at("/description").asString()).isNotBlank();
        assertThat(first.at("/category").asString()).isEqualTo("Organization");
        assertThat(catalogue.json().at("/data").toString()).contains("users:read", "billing:read", "members:invite");
        assertThat(api.get("/api/v1/permissions?category=Billing", user.auth()).json().at("/data").size()).isEqualTo(2);
        assertThat(api.get("/api/v1/permissions").status()).isEqualTo(401);
    }

    @Test
    void permissionChecksAnswerGrantedWithSourceOrAReason() {
        Account owner = newUser("checker");
        String org = createOrg(owner, "settings", Api.map("requireEmailVerification", false));
        Account admin = memberOf(org, "admin", "checkadmin");
        api.post("/api/v1/organizations/" + org + "/members/" + admin.id() + "/role",
                Api.map("role", "viewer", "permissions", List.of("billing:read")), owner.auth());
        Api.Response r = api.post("/api/v1/users/" + admin.id() + "/permissions/check",
                Api.map("permissions", List.of("organization:read", "billing:read", "billing:write", "users:read"),
                        "context", Api.map("organizationId", org, "resourceId", "res_xyz789")), owner.auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.text("/resourceId")).isEqualTo("res_xyz789");
        assertThat(r.json().at("/granted").asBoolean()).isFalse();
        assertThat(r.text("/results/0/source")).isEqualTo("role_viewer");
        assertThat(r.text("/results/1/source")).isEqualTo("direct_grant");
        assertThat(r.json().at("/results/2/granted").asBoolean()).isFalse();
        assertThat(r.text("/results/2/reason")).isEqualTo("insufficient_privileges");
        assertThat(r.text("/results/3/reason")).isEqualTo("insufficient_privileges");

        Account outsider = newUser("outsider");
        Api.Response notMember = api.post("/api/v1/users/" + outsider.id() + "/permissions/check",
                Api.map("permissions", List.of("organization:read"), "context", Api.map("organizationId", org)), owner.auth());
        assertThat(notMember.text("/results/0/reason")).isEqualTo("not_a_member");
        Api.Response self = api.post("/api/v1/users/me/permissions/check", Api.map("permissions", List.of("organization:read")), outsider.auth());
        assertThat(self.text("/results/0/reason")).isEqualTo("no_organization_context");
        // a viewer may check others in its organization (members:read); an outsider may not check anyone there
        assertThat(api.post("/api/v1/users/" + owner.id() + "/permissions/check", Api.map("permissions", List.of("organization:delete")),
                admin.auth("X-Organization-ID", org)).text("/results/0/source")).isEqualTo("role_owner");
        assertThat(api.post("/api/v1/users/" + owner.id() + "/permissions/check", Api.map("permissions", List.of("organization:read")),
                outsider.auth("X-Organization-ID", org)).errorCode()).isEqualTo("ORGANIZATION_NOT_FOUND");
        assertThat(api.post("/api/v1/users/" + owner.id() + "/permissions/check", Api.map("permissions", List.of()), owner.auth()).errorCode())
                .isEqualTo("VALIDATION_ERROR");

        Api.Response roles = api.get("/api/v1/users/" + admin.id() + "/roles", owner.auth("X-Organization-ID", org));
        assertThat(roles.text("/roles/0/organizationId")).isEqualTo(org);
        assertThat(roles.text("/roles/0/role")).isEqualTo("viewer");
        assertThat(roles.json().at("/roles/0/permissions").toString()).contains("billing:read");
        assertThat(api.get("/api/v1/users/me/roles", owner.auth()).text("/roles/0/role")).isEqualTo("owner");
    }

    @Test
    void activeOrganizationHeaderSelectsWhichOrganizationTheRequestIsAbout() {
        Account owner = newUser("multi");
        String first = createOrg(owner, "name", "First");
        String second = createOrg(owner, "name", "Second");
        api.post("/api/v1/roles", Api.map("name", "Only In Second"), owner.auth("X-Organization-ID", second));
        assertThat(api.get("/api/v1/roles", owner.auth("X-Organization-ID", first)).json().at("/data").size()).isEqualTo(4);
        assertThat(api.get("/api/v1/roles", owner.auth("X-Organization-ID", second)).json().at("/data").size()).isEqualTo(5);
        assertThat(api.get("/api/v1/roles?organizationId=" + second, owner.auth()).json().at("/data").size()).isEqualTo(5);
        Api.Response noOrg = api.post("/api/v1/roles", Api.map("name", "Nowhere"), owner.auth());
        assertThat(noOrg.errorCode()).isEqualTo("VALIDATION_ERROR");
    }
}
