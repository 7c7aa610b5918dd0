package dev.janua.server.scim.app;

import dev.janua.server.organizations.OrganizationAccess;
import dev.janua.server.organizations.OrganizationAccess.Access;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.rbac.Role;
import dev.janua.server.rbac.RoleDirectory;
import dev.janua.server.rbac.SystemRole;
import dev.janua.server.scim.domain.ScimGroup;
import dev.janua.server.scim.persistence.JdbcScimGroupRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organization admins map SCIM groups onto roles (REST, not SCIM: the directory says who is in a
 * group, the organization says what the group may do). The owner role is never mappable, and an
 * admin maps only roles whose permissions they hold themselves.
 */
@Service
public class ScimGroupRoles {
    private final JdbcScimGroupRepository groups;
    private final OrganizationAccess access;
    private final RoleDirectory roles;
    private final RoleSync roleSync;
    private final EventPublisher events;
    private final Clock clock;

    public ScimGroupRoles(JdbcScimGroupRepository groups, OrganizationAccess access, RoleDirectory roles, RoleSync roleSync,
                          EventPublisher events, Clock clock) {
        this.groups = groups;
        this.access = access;
        this.roles = roles;
        this.roleSync = roleSync;
        this.events = events;
        this.clock = clock;
    }

    public List<ScimGroup> list(Caller caller, String organizationId) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
        return groups.list(organizationId);
    }

    /** Maps the group to {@code roleRef} (id or key), or unmaps it when null; members' roles follow at once. */
    @Transactional
    public ScimGroup map(Caller caller, String organizationId, String groupId, String roleRef, ClientInfo client) {
        Access a = access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
        ScimGroup g = groups.lock(organizationId, groupId)
                .orElseThrow(() -> JanuaException.of(ErrorCode.SCIM_GROUP_NOT_FOUND, "groupId", groupId));
        String roleId = null;
        if (roleRef != null && !roleRef.isBlank()) {
            Role role = roles.find(organizationId, roleRef.trim())
                    .orElseThrow(() -> JanuaException.of(ErrorCode.ROLE_NOT_FOUND, "role", roleRef));
            if (SystemRole.OWNER.id().equals(role.id())) {
                throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "role", "reason", "owner_not_mappable"));
            }
            for (String p : role.permissionSet().listed()) a.require(p);
            roleId = role.id();
        }
        ScimGroup after = new ScimGroup(g.id(), g.organizationId(), g.displayName(), g.externalId(), roleId, g.createdAt(), clock.instant());
        groups.update(after, after.updatedAt());
        for (String u : groups.memberIds(g.id())) roleSync.sync(organizationId, caller.actorId(), u, client);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organizationId", organizationId);
        data.put("groupId", g.id());
        data.put("displayName", g.displayName());
        data.put("roleId", roleId);
        data.put("previousRoleId", g.roleId());
        events.publish(new DomainEvent("group.role_mapped", g.id(), caller.actorId(), organizationId, data), client);
        return after;
    }
}
