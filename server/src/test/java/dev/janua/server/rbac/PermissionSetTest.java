package dev.janua.server.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.platform.errors.JanuaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionSetTest {

    @Test
    void ownersHoldEveryOrganizationPermissionButNoPlatformOne() {
        PermissionSet owner = SystemRole.OWNER.permissions();
        assertThat(owner.grants("organization:delete")).isTrue();
        assertThat(owner.grants("content:write")).as("application-defined permissions too").isTrue();
        assertThat(owner.grants("users:read")).isFalse();
        assertThat(owner.grants("organizations:read")).isFalse();
    }

    @Test
    void adminsHoldEverythingButDeletingTheOrganization() {
        PermissionSet admin = SystemRole.ADMIN.permissions();
        assertThat(admin.grants("members:update")).isTrue();
        assertThat(admin.grants("billing:write")).isTrue();
        assertThat(admin.grants("organization:delete")).isFalse();
        assertThat(admin.listed()).contains("*", "members:update").doesNotContain("organization:delete");
    }

    @Test
    void resourceWildcardsCoverOneResourceOnly() {
        PermissionSet s = PermissionSet.of(List.of("content:*", "billing:read"));
        assertThat(s.grants("content:publish")).isTrue();
        assertThat(s.grants("billing:read")).isTrue();
        assertThat(s.grants("billing:write")).isFalse();
        assertThat(s.grants("contents:read")).isFalse();
    }

    @Test
    void coversDecidesWhetherGrantingWouldEscalate() {
        PermissionSet owner = SystemRole.OWNER.permissions();
        PermissionSet admin = SystemRole.ADMIN.permissions();
        PermissionSet member = SystemRole.MEMBER.permissions();
        assertThat(owner.covers(admin)).isTrue();
        assertThat(admin.covers(owner)).isFalse();
        assertThat(admin.covers(admin)).isTrue();
        assertThat(admin.covers(member.plus(List.of("content:write")))).isTrue();
        assertThat(member.covers(SystemRole.VIEWER.permissions())).isTrue();
        assertThat(member.covers(admin)).isFalse();
        assertThat(member.covers(PermissionSet.of(List.of("billing:read")))).isFalse();
        assertThat(owner.covers(PermissionSet.everything())).as("platform admins are above every organization role").isFalse();
        assertThat(PermissionSet.everything().covers(owner)).isTrue();
    }

    @Test
    void permissionStringsAreValidatedAndDeduplicated() {
        assertThat(PermissionCatalogue.validate(List.of("content:read", "content:read", "a:b:c"), false, "permissions"))
                .containsExactly("content:read", "a:b:c");
        for (String bad : List.of("Content:Read", "content", "*", "content:", "con tent:read", "x:" + "y".repeat(60))) {
            assertThatThrownBy(() -> PermissionCatalogue.validate(List.of(bad), false, "permissions")).as(bad).isInstanceOf(JanuaException.class);
        }
        assertThatThrownBy(() -> PermissionCatalogue.validate(List.of("users:read"), false, "permissions")).isInstanceOf(JanuaException.class);
        assertThat(PermissionCatalogue.validate(List.of("users:read"), true, "permissions")).containsExactly("users:read");
    }

    @Test
    void systemRolesAreFoundByKeyOrIdInAnyCase() {
        assertThat(SystemRole.find("Admin")).contains(SystemRole.ADMIN);
        assertThat(SystemRole.find("role_viewer")).contains(SystemRole.VIEWER);
        assertThat(SystemRole.find("role_custom")).isEmpty();
        assertThat(Role.of(SystemRole.MEMBER).permissionSet().grants("members:invite")).isTrue();
    }
}
