package dev.janua.server.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.StatementLog;
import dev.janua.server.support.TenantFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A permission check asked by a platform admin in an organization is one query (the user, the
 * organization and the membership together): the admin flag comes from the per-node user cache and
 * the organization's custom roles from the per-node role cache. Both caches are emptied by the writes
 * that change them, so a role edit or a revoked admin applies to the very next check (other nodes:
 * {@code AuthCacheAcrossProcessesIntegrationTest}).
 */
class PermissionCheckCostIntegrationTest extends TenantFixtures {
    @Autowired
    StatementLog statements;

    @Test
    void aRepeatedCheckInAnOrganizationIsOneQuery() {
        Account admin = platformAdmin();
        Account owner = newUser("cost-owner");
        String org = createOrg(owner);
        String roleId = customRole(org, owner, List.of("content:read"));
        Account editor = memberOf(org, roleId, "cost-editor");
        check(admin, editor, org); // fills the caches

        statements.clear();
        Api.Response r = check(admin, editor, org);
        assertThat(r.text("/results/0/source")).isEqualTo(roleId);
        assertThat(statements.count("FROM roles")).as("the organization's roles come from the cache").isZero();
        assertThat(statements.count("SELECT * FROM users WHERE id")).as("the admin flag and the user: no separate read").isZero();
        assertThat(statements.count("organization_members")).as("user, organization and membership in one query").isEqualTo(1);
        assertThat(statements.count("FROM organizations WHERE")).as("the organization is read only when the user is not found").isZero();
    }

    @Test
    void anUnknownUserOrOrganizationIsStillAnsweredAsBefore() {
        Account admin = platformAdmin();
        Account owner = newUser("cost-owner3");
        String org = createOrg(owner);
        Account outsider = newUser("cost-outsider");

        Api.Response notMember = check(admin, outsider, org);
        assertThat(notMember.status()).isEqualTo(200);
        assertThat(notMember.text("/results/0/reason")).isEqualTo("not_a_member");

        Api.Response noUser = api.post("/api/v1/users/usr_00000000000000000000000000/permissions/check",
                Api.map("permissions", List.of("content:read"), "context", Api.map("organizationId", org)), admin.auth());
        assertThat(noUser.status()).as(noUser.raw().body()).isEqualTo(404);
        assertThat(noUser.errorCode()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void aRoleEditAndARevokedAdminApplyToTheNextCheck() {
        Account admin = platformAdmin();
        Account other = newUser("cost-second-admin");
        jdbc.sql("UPDATE users SET is_admin = TRUE WHERE id = :id").param("id", other.id()).update();
        Account owner = newUser("cost-owner2");
        String org = createOrg(owner);
        String roleId = customRole(org, owner, List.of("content:read"));
        Account editor = memberOf(org, roleId, "cost-editor2");
        assertThat(check(other, editor, org).json().at("/results/1/granted").asBoolean()).isFalse();

        Api.Response edited = api.patch("/api/v1/roles/" + roleId, Api.map("permissions", List.of("content:read", "content:write")),
                owner.auth("X-Organization-ID", org));
        assertThat(edited.status()).as(edited.raw().body()).isEqualTo(200);
        assertThat(check(other, editor, org).json().at("/results/1/granted").asBoolean()).as("the edited role, at once").isTrue();

        assertThat(api.patch("/api/v1/users/" + other.id(), Api.map("isAdmin", false), admin.auth()).status()).isEqualTo(200);
        // no longer an admin, and not a member either: the organization is not shown to it
        assertThat(check(other, editor, org).errorCode()).as("a revoked admin, at once").isEqualTo("ORGANIZATION_NOT_FOUND");
    }

    private Api.Response check(Account caller, Account user, String org) {
        Api.Response r = api.post("/api/v1/users/" + user.id() + "/permissions/check",
                Api.map("permissions", List.of("content:read", "content:write"), "context", Api.map("organizationId", org)), caller.auth());
        assertThat(r.status()).as(r.raw().body()).isIn(200, 404);
        return r;
    }

    private String customRole(String org, Account owner, List<String> permissions) {
        Api.Response r = api.post("/api/v1/roles", Api.map("name", "Editor " + System.nanoTime(), "permissions", permissions),
                owner.auth("X-Organization-ID", org));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.text("/id");
    }
}
