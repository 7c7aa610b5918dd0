package dev.janua.server.rbac;

import java.time.Instant;
import java.util.List;

/**
 * A role as the API shows it: a system role ({@code organizationId} null, fixed permissions) or an
 * organization's custom role. {@code key} is what members' {@code role} field carries.
 */
public record Role(String id, String organizationId, String key, String name, String description,
                   List<String> permissions, boolean system, Instant createdAt, Instant updatedAt) {

    public static Role of(SystemRole r) {
        return new Role(r.id(), null, r.key(), r.displayName(), r.description(), r.permissions().listed(), true, null, null);
    }

    public PermissionSet permissionSet() {
        return SystemRole.find(id).map(SystemRole::permissions).orElseGet(() -> PermissionSet.of(permissions));
    }
}
