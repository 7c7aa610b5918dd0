package dev.janua.server.organizations.app;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.rbac.Role;
import dev.janua.server.rbac.RoleDirectory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** How requests name roles: a system key or id, or a custom role's id, key or name. */
@Component
class OrganizationRoles {
    private final RoleDirectory roles;

    OrganizationRoles(RoleDirectory roles) {
        this.roles = roles;
    }

    Role resolve(String organizationId, String ref) {
        return roles.find(organizationId, ref).orElseThrow(() -> JanuaException.of(ErrorCode.ROLE_NOT_FOUND, "role", ref));
    }

    /** {@code customRole} wins over {@code role}; with neither, the organization's default role. */
    Role chosen(String organizationId, String role, String customRole, String defaultRole) {
        String ref = customRole != null && !customRole.isBlank() ? customRole
                : role != null && !role.isBlank() ? role : defaultRole;
        if (ref == null) throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "role", "reason", "required"));
        return resolve(organizationId, ref);
    }

    /**
     * {@link #byId} from this node's cache of the organization's roles (a role written here or on
     * another node drops it): for decisions, never for read-modify-write.
     */
    Map<String, Role> byIdCached(String organizationId) {
        return byId(roles.listCached(organizationId));
    }

    /** The organization's roles by id, read once per response rather than once per row. */
    Map<String, Role> byId(String organizationId) {
        return byId(roles.list(organizationId));
    }

    private static Map<String, Role> byId(List<Role> roles) {
        Map<String, Role> byId = new HashMap<>();
        roles.forEach(r -> byId.put(r.id(), r));
        return byId;
    }
}
