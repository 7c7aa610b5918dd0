package dev.janua.server.organizations.app;

import dev.janua.server.organizations.MemberProvisioning;
import dev.janua.server.organizations.Membership;
import dev.janua.server.organizations.persistence.JdbcMemberRepository;
import dev.janua.server.organizations.persistence.JdbcOrganizationRepository;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.Role;
import dev.janua.server.rbac.SystemRole;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link MemberProvisioning} on the same tables, locks and events as {@link MemberService}: the
 * organization row is locked before a membership changes, so the last-owner rule holds under races
 * (a join, which never adds an owner, takes the lock shared).
 */
@Service
class ProvisionedMembers implements MemberProvisioning {
    private final JdbcMemberRepository members;
    private final JdbcOrganizationRepository organizations;
    private final OrganizationRoles roles;
    private final EventPublisher events;
    private final Clock clock;

    ProvisionedMembers(JdbcMemberRepository members, JdbcOrganizationRepository organizations, OrganizationRoles roles,
                       EventPublisher events, Clock clock) {
        this.members = members;
        this.organizations = organizations;
        this.roles = roles;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<Membership> find(String organizationId, String userId) {
        return members.find(organizationId, userId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Membership join(String organizationId, String userId, String roleRef, String actorId, String source, ClientInfo client) {
        // Shared: joins in one organization run side by side (a directory provisioning thousands of
        // users); removals, role changes and role deletion lock exclusively and still exclude them.
        var org = organizations.lockToAdd(organizationId, userId).orElseThrow(() -> AccessService.notFound(organizationId));
        Optional<Membership> existing = members.find(organizationId, userId);
        if (existing.isPresent()) return existing.get();
        Role role = provisionable(organizationId, roleRef == null ? org.settings().defaultRole() : roleRef);
        Instant now = clock.instant();
        Membership m = new Membership(organizationId, userId, role.id(), List.of(), now, now);
        members.insert(m, actorId);
        events.publish(OrganizationService.memberAdded(m, role.key(), actorId, source), client);
        return m;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean assignRole(String organizationId, String userId, String roleRef, String actorId, ClientInfo client) {
        var org = organizations.lock(organizationId).orElseThrow(() -> AccessService.notFound(organizationId));
        Membership before = members.find(organizationId, userId).orElse(null);
        if (before == null || SystemRole.OWNER.id().equals(before.roleId())) return false;
        Role role = provisionable(organizationId, roleRef == null ? org.settings().defaultRole() : roleRef);
        if (role.id().equals(before.roleId())) return false;
        members.updateRole(organizationId, userId, role.id(), before.extraPermissions(), clock.instant());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organizationId", organizationId);
        data.put("userId", userId);
        data.put("role", role.key());
        data.put("previousRole", roles.resolve(organizationId, before.roleId()).key());
        data.put("permissions", before.extraPermissions());
        data.put("source", "scim");
        events.publish(new DomainEvent("organization.member_role_changed", userId, actorId, organizationId, data), client);
        return true;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean leave(String organizationId, String userId, String actorId, String reason, ClientInfo client) {
        organizations.lock(organizationId).orElseThrow(() -> AccessService.notFound(organizationId));
        Membership m = members.find(organizationId, userId).orElse(null);
        if (m == null) return false;
        if (SystemRole.OWNER.id().equals(m.roleId()) && members.countWithRole(organizationId, m.roleId()) <= 1) {
            throw JanuaException.of(ErrorCode.LAST_OWNER, "organizationId", organizationId);
        }
        members.delete(organizationId, userId);
        events.publish(new DomainEvent("organization.member_removed", userId, actorId, organizationId,
                Map.of("organizationId", organizationId, "userId", userId, "reason", reason)), client);
        return true;
    }

    @Override
    public long membershipCount(String userId) {
        return members.countForUser(userId, null);
    }

    /** A directory may hand out any role but owner: ownership is given by people, not by a sync. */
    private Role provisionable(String organizationId, String ref) {
        Role role = roles.resolve(organizationId, ref);
        if (SystemRole.OWNER.id().equals(role.id())) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "role", "reason", "owner_not_provisionable"));
        }
        return role;
    }
}
