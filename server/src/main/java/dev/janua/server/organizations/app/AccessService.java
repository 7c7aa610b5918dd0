package dev.janua.server.organizations.app;

import dev.janua.server.organizations.OrganizationAccess;
import dev.janua.server.organizations.persistence.JdbcMemberRepository;
import dev.janua.server.organizations.persistence.JdbcMemberRepository.AccessRow;
import dev.janua.server.organizations.persistence.JdbcOrganizationRepository;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.rbac.PermissionSet;
import dev.janua.server.rbac.Role;
import dev.janua.server.rbac.RoleDirectory;
import dev.janua.server.rbac.SystemRole;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Decides how a caller stands in an organization (see {@link OrganizationAccess} for the rules). */
@Service
class AccessService implements OrganizationAccess {
    private final JdbcMemberRepository members;
    private final JdbcOrganizationRepository organizations;
    private final RoleDirectory roles;

    AccessService(JdbcMemberRepository members, JdbcOrganizationRepository organizations, RoleDirectory roles) {
        this.members = members;
        this.organizations = organizations;
        this.roles = roles;
    }

    @Override
    public Access resolve(Caller caller, String organizationId) {
        if (organizationId == null || organizationId.isBlank()) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "organizationId", "reason", "required"));
        }
        if (caller.isApiKey()) return forApiKey(caller, organizationId);
        AccessRow row = members.access(organizationId, caller.userId());
        if (!row.organizationExists()) throw notFound(organizationId);
        if (row.platformAdmin()) return new Access(organizationId, caller, row.roleId(), PermissionSet.everything(), Access.PLATFORM_ADMIN);
        if (row.roleId() == null) throw notFound(organizationId);
        if (row.requireEmailVerification() && !row.emailVerified()) {
            throw new JanuaException(ErrorCode.EMAIL_NOT_VERIFIED, Map.of("organizationId", organizationId, "reason", "organization_requires_verified_email"));
        }
        return new Access(organizationId, caller, row.roleId(), permissionsOf(organizationId, row.roleId(), row.extraPermissions()),
                Access.MEMBER);
    }

    /** A role's permissions plus a member's extra grants; a custom role deleted meanwhile grants nothing. */
    PermissionSet permissionsOf(String organizationId, String roleId, List<String> extra) {
        PermissionSet base = SystemRole.find(roleId).map(SystemRole::permissions)
                .orElseGet(() -> roles.listCached(organizationId).stream().filter(r -> r.id().equals(roleId)).findFirst()
                        .map(Role::permissionSet).orElse(PermissionSet.none()));
        return base.plus(extra);
    }

    private Access forApiKey(Caller caller, String organizationId) {
        Caller.ApiKeyGrant key = caller.apiKey();
        if (!key.platformScoped() && !key.organizationId().equals(organizationId)) throw notFound(organizationId);
        if (!organizations.exists(organizationId)) throw notFound(organizationId);
        return new Access(organizationId, caller, null, PermissionSet.of(key.permissions()), Access.API_KEY);
    }

    static JanuaException notFound(String organizationId) {
        return JanuaException.of(ErrorCode.ORGANIZATION_NOT_FOUND, "organizationId", organizationId);
    }
}
