package dev.janua.server.rbac;

import dev.janua.server.platform.web.ClientInfo;
import java.util.List;
import java.util.Optional;

/**
 * Roles of an organization: the system roles plus its custom roles. Writes publish
 * {@code role.created|updated|deleted} in the caller's transaction. The organization id is an
 * explicit argument of every call (tenant scope).
 */
public interface RoleDirectory {
    /** System roles first, then custom roles by creation. */
    List<Role> list(String organizationId);

    /**
     * {@link #list} through this node's cache (a role created, changed or deleted here or on another
     * node drops the organization's entry, at commit): for decisions, never for read-modify-write.
     */
    List<Role> listCached(String organizationId);

    /** A role by id, key or name (case-insensitive); custom roles only from this organization. */
    Optional<Role> find(String organizationId, String ref);

    Role create(String organizationId, RoleDraft draft, String actorId, ClientInfo client);

    /** Null fields of the draft are left as they are. */
    Role update(String organizationId, String roleId, RoleDraft draft, String actorId, ClientInfo client);

    void delete(String organizationId, String roleId, String actorId, ClientInfo client);

    record RoleDraft(String name, String key, String description, List<String> permissions) {}
}
