package dev.janua.server.organizations.app;

import dev.janua.server.organizations.Membership;
import dev.janua.server.organizations.OrganizationAccess.Access;
import dev.janua.server.organizations.domain.GrantRules;
import dev.janua.server.organizations.persistence.JdbcMemberRepository;
import dev.janua.server.organizations.persistence.JdbcMemberRepository.MemberRow;
import dev.janua.server.organizations.persistence.JdbcOrganizationRepository;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.rbac.PermissionSet;
import dev.janua.server.rbac.Role;
import dev.janua.server.rbac.SystemRole;
import dev.janua.server.users.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members of an organization: list, add (server-side), change role, remove. Role changes and
 * removals lock the organization row first, so two owners demoting each other at once cannot
 * leave it without an owner.
 */
@Service
public class MemberService {
    private final JdbcMemberRepository members;
    private final JdbcOrganizationRepository organizations;
    private final AccessService access;
    private final OrganizationRoles roles;
    private final UserDirectory users;
    private final EventPublisher events;
    private final Clock clock;

    public MemberService(JdbcMemberRepository members, JdbcOrganizationRepository organizations, AccessService access,
                         OrganizationRoles roles, UserDirectory users, EventPublisher events, Clock clock) {
        this.members = members;
        this.organizations = organizations;
        this.access = access;
        this.roles = roles;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    public record RoleChange(String role, String customRole, List<String> permissions) {}

    public Page<Member> list(Caller caller, String organizationId, String role, String search, PageRequest page) {
        return list(caller, organizationId, role, search, page, true);
    }

    /** {@code includeTotal} false: no count (the console pages by cursor and shows none; a count walks every member). */
    public Page<Member> list(Caller caller, String organizationId, String role, String search, PageRequest page, boolean includeTotal) {
        access.require(caller, organizationId, PermissionCatalogue.MEMBERS_READ);
        String roleId = role == null || role.isBlank() ? null : roles.resolve(organizationId, role).id();
        List<MemberRow> rows = members.list(organizationId, roleId, search, page);
        Long total = includeTotal ? members.count(organizationId, roleId, search) : null;
        Map<String, Role> rolesById = roles.byId(organizationId);
        return Page.fromRows(rows, page, r -> r.membership().userId(), total).map(r -> view(r, rolesById));
    }

    public Member get(Caller caller, String organizationId, String userId) {
        Access a = access.resolve(caller, organizationId);
        if (!userId.equals(caller.userId())) a.require(PermissionCatalogue.MEMBERS_READ);
        return members.findRow(organizationId, userId).map(r -> view(r, roles.byId(organizationId)))
                .orElseThrow(() -> memberNotFound(userId));
    }

    /**
     * Adds an existing user directly, without an invitation. Only the platform may (platform
     * admins, and platform-scoped API keys with {@code members:invite}): a membership imposes the
     * organization's policies (mfaRequired, sessionTimeout) on the user, so an organization — even
     * through its own API key — must ask by invitation and get the user's consent.
     */
    @Transactional
    public Member add(Caller caller, String organizationId, String userId, RoleChange change, ClientInfo client) {
        Access a = access.require(caller, organizationId, PermissionCatalogue.MEMBERS_INVITE);
        boolean platformKey = caller.isApiKey() && caller.apiKey().platformScoped();
        if (!platformKey && !Access.PLATFORM_ADMIN.equals(a.source())) {
            throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("reason", "use_invitations"));
        }
        if (userId == null || userId.isBlank()) throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "userId", "reason", "required"));
        var org = organizations.lock(organizationId).orElseThrow(() -> AccessService.notFound(organizationId));
        var user = users.findById(userId).orElseThrow(() -> JanuaException.of(ErrorCode.USER_NOT_FOUND, "userId", userId));
        if (org.settings().requireEmailVerification() && !user.emailVerified()) {
            throw JanuaException.of(ErrorCode.EMAIL_NOT_VERIFIED, "reason", "organization_requires_verified_email");
        }
        Role role = roles.chosen(organizationId, change.role(), change.customRole(), org.settings().defaultRole());
        List<String> extra = PermissionCatalogue.validate(change.permissions(), false, "permissions");
        GrantRules.requireMayGrant(a, role.id(), role.permissionSet().plus(extra));
        Instant now = clock.instant();
        Membership m = new Membership(organizationId, userId, role.id(), extra, now, now);
        try {
            members.insert(m, caller.actorId());
        } catch (DuplicateKeyException e) {
            throw new JanuaException(ErrorCode.MEMBER_ALREADY_EXISTS);
        }
        events.publish(OrganizationService.memberAdded(m, role.key(), caller.actorId(), "direct"), client);
        return members.findRow(organizationId, userId).map(r -> view(r, roles.byId(organizationId))).orElseThrow();
    }

    @Transactional
    public Member changeRole(Caller caller, String organizationId, String userId, RoleChange change, ClientInfo client) {
        Access a = access.require(caller, organizationId, PermissionCatalogue.MEMBERS_UPDATE);
        organizations.lock(organizationId).orElseThrow(() -> AccessService.notFound(organizationId));
        Membership before = members.find(organizationId, userId).orElseThrow(() -> memberNotFound(userId));
        GrantRules.requireMayTouch(a, before.roleId());
        Role role = change.role() == null && change.customRole() == null
                ? roles.resolve(organizationId, before.roleId()) : roles.chosen(organizationId, change.role(), change.customRole(), null);
        List<String> extra = change.permissions() == null ? before.extraPermissions()
                : PermissionCatalogue.validate(change.permissions(), false, "permissions");
        GrantRules.requireMayGrant(a, role.id(), role.permissionSet().plus(extra));
        if (isOwner(before.roleId()) && !isOwner(role.id()) && members.countWithRole(organizationId, before.roleId()) <= 1) {
            throw JanuaException.of(ErrorCode.LAST_OWNER, "organizationId", organizationId);
        }
        members.updateRole(organizationId, userId, role.id(), extra, clock.instant());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organizationId", organizationId);
        data.put("userId", userId);
        data.put("role", role.key());
        data.put("previousRole", roles.resolve(organizationId, before.roleId()).key());
        data.put("permissions", extra);
        events.publish(new DomainEvent("organization.member_role_changed", userId, caller.actorId(), organizationId, data), client);
        return members.findRow(organizationId, userId).map(r -> view(r, roles.byId(organizationId))).orElseThrow();
    }

    /** Removes a member; members may always remove themselves (leave), except the last owner. */
    @Transactional
    public void remove(Caller caller, String organizationId, String userId, ClientInfo client) {
        Access a = access.resolve(caller, organizationId);
        boolean leaving = userId.equals(caller.userId());
        if (!leaving) a.require(PermissionCatalogue.MEMBERS_REMOVE);
        organizations.lock(organizationId).orElseThrow(() -> AccessService.notFound(organizationId));
        Membership m = members.find(organizationId, userId).orElseThrow(() -> memberNotFound(userId));
        if (!leaving) GrantRules.requireMayTouch(a, m.roleId());
        if (isOwner(m.roleId()) && members.countWithRole(organizationId, m.roleId()) <= 1) {
            throw JanuaException.of(ErrorCode.LAST_OWNER, "organizationId", organizationId);
        }
        members.delete(organizationId, userId);
        events.publish(new DomainEvent("organization.member_removed", userId, caller.actorId(), organizationId,
                Map.of("organizationId", organizationId, "userId", userId, "reason", leaving ? "left" : "removed")), client);
    }

    Member view(MemberRow r, Map<String, Role> rolesById) {
        Membership m = r.membership();
        Role role = rolesById.get(m.roleId());
        String key = role != null ? role.key() : m.roleId();
        PermissionSet base = role != null ? role.permissionSet() : PermissionSet.none();
        List<String> effective = base.plus(m.extraPermissions()).listed();
        return new Member(m.userId(), m.userId(), m.organizationId(), r.email(), r.firstName(), r.lastName(), r.username(),
                r.profileImageUrl(), r.status().wire(), r.emailVerified(), key, m.roleId(), role == null ? null : role.name(), effective,
                m.extraPermissions(), m.joinedAt(), r.lastSignInAt());
    }

    private static boolean isOwner(String roleId) {
        return SystemRole.OWNER.id().equals(roleId);
    }

    private static JanuaException memberNotFound(String userId) {
        return JanuaException.of(ErrorCode.MEMBER_NOT_FOUND, "userId", userId);
    }
}
