package dev.janua.server.scim.app;

import dev.janua.server.organizations.MemberProvisioning;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.Role;
import dev.janua.server.rbac.RoleDirectory;
import dev.janua.server.scim.domain.ScimCaller;
import dev.janua.server.scim.domain.ScimGroup;
import dev.janua.server.scim.persistence.JdbcScimGroupRepository;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Groups mapped to roles: a member of mapped groups holds the strongest of their roles (most
 * permissions; the older group on a tie), and falls back to the organization's default role when
 * they leave the last one. Owners are never changed (MemberProvisioning refuses).
 */
@Component
class RoleSync {
    private final JdbcScimGroupRepository groups;
    private final RoleDirectory roles;
    private final MemberProvisioning members;

    RoleSync(JdbcScimGroupRepository groups, RoleDirectory roles, MemberProvisioning members) {
        this.groups = groups;
        this.roles = roles;
        this.members = members;
    }

    /** The role the user's mapped groups give, or null for the organization's default role. */
    String roleFor(String organizationId, String userId) {
        return groups.groupsOf(organizationId, userId).stream().map(ScimGroup::roleId).filter(Objects::nonNull)
                .map(id -> roles.find(organizationId, id)).flatMap(Optional::stream)
                .max(Comparator.comparingInt((Role r) -> r.permissionSet().listed().size()))
                .map(Role::id).orElse(null);
    }

    /** Brings one member's role in line with their groups; called in the transaction that changed them. */
    void sync(ScimCaller caller, String userId, ClientInfo client) {
        sync(caller.organizationId(), caller.tokenId(), userId, client);
    }

    void sync(String organizationId, String actorId, String userId, ClientInfo client) {
        if (members.find(organizationId, userId).isEmpty()) return;
        members.assignRole(organizationId, userId, roleFor(organizationId, userId), actorId, client);
    }
}
