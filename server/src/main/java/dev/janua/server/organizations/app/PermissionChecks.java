package dev.janua.server.organizations.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.organizations.persistence.JdbcMemberRepository;
import dev.janua.server.organizations.persistence.JdbcMemberRepository.AccessRow;
import dev.janua.server.organizations.persistence.JdbcMemberRepository.MyOrganizationRow;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.rbac.PermissionSet;
import dev.janua.server.rbac.Role;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Answers "may this user do X here?" for applications ({@code POST /users/{id}/permissions/check})
 * and lists a user's roles. Asking about yourself is always allowed; about others needs
 * {@code members:read} in the organization asked about, or platform {@code users:read}.
 */
@Service
public class PermissionChecks {
    public static final String DIRECT_GRANT = "direct_grant";
    private static final int MAX_PERMISSIONS = 100;

    private final JdbcMemberRepository members;
    private final AccessService access;
    private final OrganizationRoles roles;
    private final UserDirectory users;
    private final PlatformAdmins admins;

    public PermissionChecks(JdbcMemberRepository members, AccessService access, OrganizationRoles roles, UserDirectory users,
                            PlatformAdmins admins) {
        this.members = members;
        this.access = access;
        this.roles = roles;
        this.users = users;
        this.admins = admins;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String permission, boolean granted, String source, String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckResponse(String userId, String organizationId, String resourceId, boolean granted, List<Result> results) {}

    public record UserRole(String organizationId, String organizationName, String organizationSlug, String role, String roleId,
                           String roleName, List<String> permissions) {}

    public record UserRoles(String userId, boolean isPlatformAdmin, List<UserRole> roles) {}

    /**
     * {@code resourceId} is echoed: Janua's grants are per organization, so a resource inside one
     * answers as its organization does.
     */
    public CheckResponse check(Caller caller, String userId, List<String> permissions, String organizationId, String resourceId) {
        if (permissions == null || permissions.isEmpty() || permissions.size() > MAX_PERMISSIONS) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "permissions", "reason",
                    permissions == null || permissions.isEmpty() ? "required" : "too_many"));
        }
        if (permissions.stream().anyMatch(p -> p == null || p.isBlank() || p.length() > 100)) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "permissions", "reason", "blank_or_too_long"));
        }
        authorize(caller, userId, organizationId);
        // With an organization, one query reads the user beside the organization and the membership
        Subject subject;
        AccessRow row = null;
        if (organizationId == null) {
            User user = users.findById(userId).orElseThrow(() -> JanuaException.of(ErrorCode.USER_NOT_FOUND, "userId", userId));
            subject = new Subject(user.status(), user.admin());
        } else {
            row = members.access(organizationId, userId);
            if (!row.userExists()) throw JanuaException.of(ErrorCode.USER_NOT_FOUND, "userId", userId);
            subject = new Subject(row.userStatus(), row.platformAdmin());
        }
        Role role = row == null || row.roleId() == null ? null : roles.byIdCached(organizationId).get(row.roleId());
        List<Result> results = new ArrayList<>();
        for (String p : permissions) results.add(decide(subject, row, role, p));
        return new CheckResponse(userId, organizationId, resourceId, results.stream().allMatch(Result::granted), results);
    }

    /** Every organization role the user holds (or only the one organization a member admin may see). */
    public UserRoles rolesOf(Caller caller, String userId, String organizationId) {
        boolean everything = userId.equals(caller.userId()) || admins.allows(caller, PermissionCatalogue.USERS_READ);
        if (!everything) authorize(caller, userId, organizationId);
        User user = users.findById(userId).orElseThrow(() -> JanuaException.of(ErrorCode.USER_NOT_FOUND, "userId", userId));
        List<UserRole> out = new ArrayList<>();
        for (MyOrganizationRow r : members.listForUser(userId, null, new PageRequest(1000, null, null))) {
            String orgId = r.organization().id();
            if (!everything && !orgId.equals(organizationId)) continue;
            Role role = roles.byId(orgId).get(r.membership().roleId());
            PermissionSet held = (role == null ? PermissionSet.none() : role.permissionSet()).plus(r.membership().extraPermissions());
            out.add(new UserRole(orgId, r.organization().name(), r.organization().slug(),
                    role == null ? r.membership().roleId() : role.key(), r.membership().roleId(), role == null ? null : role.name(),
                    held.listed()));
        }
        if (!everything && out.isEmpty()) throw JanuaException.of(ErrorCode.MEMBER_NOT_FOUND, "userId", userId);
        return new UserRoles(userId, user.admin(), out);
    }

    /**
     * {@link #rolesOf} for several users at once, in one membership query (plus one role lookup per
     * organization): for yourself, or for everyone with platform {@code users:read}.
     */
    public Map<String, List<UserRole>> rolesOf(Caller caller, java.util.Collection<String> userIds) {
        boolean reader = admins.allows(caller, PermissionCatalogue.USERS_READ);
        for (String id : userIds) {
            if (!reader && !id.equals(caller.userId())) {
                throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("required", PermissionCatalogue.USERS_READ));
            }
        }
        Map<String, Map<String, Role>> rolesByOrg = new java.util.HashMap<>();
        Map<String, List<UserRole>> byUser = new java.util.LinkedHashMap<>();
        for (String id : userIds) byUser.put(id, new ArrayList<>());
        for (MyOrganizationRow r : members.listForUsers(userIds)) {
            String orgId = r.organization().id();
            Role role = rolesByOrg.computeIfAbsent(orgId, roles::byId).get(r.membership().roleId());
            PermissionSet held = (role == null ? PermissionSet.none() : role.permissionSet()).plus(r.membership().extraPermissions());
            byUser.get(r.membership().userId()).add(new UserRole(orgId, r.organization().name(), r.organization().slug(),
                    role == null ? r.membership().roleId() : role.key(), r.membership().roleId(), role == null ? null : role.name(),
                    held.listed()));
        }
        return byUser;
    }

    private void authorize(Caller caller, String userId, String organizationId) {
        if (userId.equals(caller.userId()) || admins.allows(caller, PermissionCatalogue.USERS_READ)) return;
        if (organizationId == null) {
            throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("required", PermissionCatalogue.USERS_READ));
        }
        access.require(caller, organizationId, PermissionCatalogue.MEMBERS_READ);
    }

    /** What a check needs of the user asked about. */
    private record Subject(UserStatus status, boolean admin) {}

    private static Result decide(Subject user, AccessRow row, Role role, String permission) {
        if (user.status() != UserStatus.ACTIVE) return denied(permission, "user_" + user.status().wire());
        if (user.admin()) return new Result(permission, true, "platform_admin", null);
        if (PermissionCatalogue.isPlatform(permission)) return denied(permission, "insufficient_privileges");
        if (row == null) return denied(permission, "no_organization_context");
        if (!row.organizationExists() || row.roleId() == null) return denied(permission, "not_a_member");
        if (row.requireEmailVerification() && !row.emailVerified()) return denied(permission, "email_not_verified");
        if (role != null && role.permissionSet().grants(permission)) return new Result(permission, true, role.id(), null);
        if (PermissionSet.of(row.extraPermissions()).grants(permission)) return new Result(permission, true, DIRECT_GRANT, null);
        return denied(permission, "insufficient_privileges");
    }

    private static Result denied(String permission, String reason) {
        return new Result(permission, false, null, reason);
    }
}
