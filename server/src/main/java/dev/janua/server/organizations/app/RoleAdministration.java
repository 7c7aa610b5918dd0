package dev.janua.server.organizations.app;

import dev.janua.server.organizations.Organization;
import dev.janua.server.organizations.OrganizationAccess.Access;
import dev.janua.server.organizations.persistence.JdbcMemberRepository;
import dev.janua.server.organizations.persistence.JdbcOrganizationRepository;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.rbac.PermissionSet;
import dev.janua.server.rbac.Role;
import dev.janua.server.rbac.RoleDirectory;
import dev.janua.server.rbac.RoleDirectory.RoleDraft;
import dev.janua.server.rbac.SystemRole;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roles endpoints: who may read and change an organization's roles, and what must stay true
 * (no role grants more than its author holds; a role in use or set as the default stays).
 */
@Service
public class RoleAdministration {
    private final RoleDirectory roles;
    private final AccessService access;
    private final JdbcMemberRepository members;
    private final JdbcOrganizationRepository organizations;

    public RoleAdministration(RoleDirectory roles, AccessService access, JdbcMemberRepository members,
                              JdbcOrganizationRepository organizations) {
        this.roles = roles;
        this.access = access;
        this.members = members;
        this.organizations = organizations;
    }

    public record CountedRole(Role role, Long memberCount) {}

    /** Without an organization: the system roles, which every organization has. */
    public List<CountedRole> list(Caller caller, String organizationId) {
        if (organizationId == null) return Stream.of(SystemRole.values()).map(r -> new CountedRole(Role.of(r), null)).toList();
        access.require(caller, organizationId, PermissionCatalogue.ROLES_READ);
        Map<String, Long> counts = members.countsByRole(organizationId);
        return roles.list(organizationId).stream().map(r -> new CountedRole(r, counts.getOrDefault(r.id(), 0L))).toList();
    }

    /** The roles alone, for pickers: without {@link #list}'s member count per role (a walk over every member). */
    public List<Role> roles(Caller caller, String organizationId) {
        if (organizationId == null) return Stream.of(SystemRole.values()).map(Role::of).toList();
        access.require(caller, organizationId, PermissionCatalogue.ROLES_READ);
        return roles.list(organizationId);
    }

    public CountedRole get(Caller caller, String organizationId, String roleRef) {
        if (organizationId == null) {
            return SystemRole.find(roleRef).map(r -> new CountedRole(Role.of(r), null)).orElseThrow(() -> notFound(roleRef));
        }
        access.require(caller, organizationId, PermissionCatalogue.ROLES_READ);
        Role role = roles.find(organizationId, roleRef).orElseThrow(() -> notFound(roleRef));
        return new CountedRole(role, members.countWithRole(organizationId, role.id()));
    }

    @Transactional
    public CountedRole create(Caller caller, String organizationId, RoleDraft draft, ClientInfo client) {
        Access a = access.require(caller, organizationId, PermissionCatalogue.ROLES_WRITE);
        requireCovers(a, draft.permissions());
        return new CountedRole(roles.create(organizationId, draft, caller.actorId(), client), 0L);
    }

    @Transactional
    public CountedRole update(Caller caller, String organizationId, String roleRef, RoleDraft draft, ClientInfo client) {
        Access a = access.require(caller, organizationId, PermissionCatalogue.ROLES_WRITE);
        requireCovers(a, draft.permissions());
        Role current = roles.find(organizationId, roleRef).orElseThrow(() -> notFound(roleRef));
        Role updated = roles.update(organizationId, current.id(), draft, caller.actorId(), client);
        return new CountedRole(updated, members.countWithRole(organizationId, updated.id()));
    }

    @Transactional
    public void delete(Caller caller, String organizationId, String roleRef, ClientInfo client) {
        access.require(caller, organizationId, PermissionCatalogue.ROLES_WRITE);
        Organization org = organizations.lock(organizationId).orElseThrow(() -> AccessService.notFound(organizationId));
        Role role = roles.find(organizationId, roleRef).orElseThrow(() -> notFound(roleRef));
        if (role.system()) throw JanuaException.of(ErrorCode.SYSTEM_ROLE_IMMUTABLE, "roleId", role.id());
        long holders = members.countWithRole(organizationId, role.id());
        if (holders > 0) throw new JanuaException(ErrorCode.ROLE_IN_USE, Map.of("roleId", role.id(), "memberCount", holders));
        if (org.settings().defaultRole().equals(role.key())) {
            throw new JanuaException(ErrorCode.ROLE_IN_USE, Map.of("roleId", role.id(), "reason", "default_role"));
        }
        roles.delete(organizationId, role.id(), caller.actorId(), client);
    }

    private static void requireCovers(Access a, List<String> permissions) {
        if (permissions == null) return;
        List<String> valid = PermissionCatalogue.validate(permissions, false, "permissions");
        if (!a.permissions().covers(PermissionSet.of(valid))) {
            throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("reason", "cannot_grant_more_than_held"));
        }
    }

    private static JanuaException notFound(String ref) {
        return JanuaException.of(ErrorCode.ROLE_NOT_FOUND, "roleId", ref);
    }
}
