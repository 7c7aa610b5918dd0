package dev.janua.server.rbac.app;

import dev.janua.server.platform.cache.Invalidations;
import dev.janua.server.platform.cache.NearCache;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.rbac.Role;
import dev.janua.server.rbac.RoleDirectory;
import dev.janua.server.rbac.SystemRole;
import dev.janua.server.rbac.domain.RoleKeys;
import dev.janua.server.rbac.persistence.JdbcRoleRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** System roles (from code) and custom roles (stored per organization). */
@Service
class RoleService implements RoleDirectory {
    private final JdbcRoleRepository roles;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final Clock clock;
    private final NearCache<List<Role>> cached;

    RoleService(JdbcRoleRepository roles, EventPublisher events, IdGenerator ids, Clock clock, Invalidations invalidations) {
        this.cached = invalidations.newCache();
        this.roles = roles;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public List<Role> list(String organizationId) {
        List<Role> all = new ArrayList<>(Stream.of(SystemRole.values()).map(Role::of).toList());
        if (organizationId != null) all.addAll(roles.list(organizationId));
        return all;
    }

    @Override
    public List<Role> listCached(String organizationId) {
        if (organizationId == null) return list(null);
        List<Role> hit = cached.get(organizationId);
        if (hit != null) return hit;
        long generation = cached.generation();
        List<Role> found = List.copyOf(list(organizationId));
        cached.put(organizationId, organizationId, found, generation);
        return found;
    }

    @Override
    public Optional<Role> find(String organizationId, String ref) {
        if (ref == null || ref.isBlank()) return Optional.empty();
        Optional<SystemRole> system = SystemRole.find(ref);
        if (system.isPresent()) return system.map(Role::of);
        return organizationId == null ? Optional.empty() : roles.findByIdKeyOrName(organizationId, ref.trim());
    }

    @Override
    @Transactional
    public Role create(String organizationId, RoleDraft d, String actorId, ClientInfo client) {
        String name = requireName(d.name());
        String key = key(d.key(), name);
        List<String> permissions = PermissionCatalogue.validate(d.permissions(), false, "permissions");
        Instant now = clock.instant();
        Role role = new Role(ids.next("role"), organizationId, key, name, trimToNull(d.description(), 500, "description"),
                permissions, false, now, now);
        try {
            roles.insert(role);
        } catch (DuplicateKeyException e) {
            throw JanuaException.of(ErrorCode.ROLE_ALREADY_EXISTS, "key", key);
        }
        publish("role.created", role, actorId, client);
        return role;
    }

    @Override
    @Transactional
    public Role update(String organizationId, String roleId, RoleDraft d, String actorId, ClientInfo client) {
        Role before = custom(organizationId, roleId);
        String name = d.name() == null ? before.name() : requireName(d.name());
        // Members, invitations and the default-role setting refer to a role by key: it never changes.
        if (d.key() != null && !d.key().trim().equalsIgnoreCase(before.key())) throw invalid("key", "immutable");
        String key = before.key();
        List<String> permissions = d.permissions() == null ? before.permissions()
                : PermissionCatalogue.validate(d.permissions(), false, "permissions");
        String description = d.description() == null ? before.description() : trimToNull(d.description(), 500, "description");
        Instant now = clock.instant();
        Role after = new Role(before.id(), organizationId, key, name, description, permissions, false, before.createdAt(), now);
        roles.update(after, now);
        publish("role.updated", after, actorId, client);
        return after;
    }

    @Override
    @Transactional
    public void delete(String organizationId, String roleId, String actorId, ClientInfo client) {
        Role role = custom(organizationId, roleId);
        roles.delete(organizationId, role.id());
        publish("role.deleted", role, actorId, client);
    }

    private Role custom(String organizationId, String ref) {
        Role role = find(organizationId, ref).orElseThrow(() -> JanuaException.of(ErrorCode.ROLE_NOT_FOUND, "roleId", ref));
        if (role.system()) throw JanuaException.of(ErrorCode.SYSTEM_ROLE_IMMUTABLE, "roleId", role.id());
        return role;
    }

    private void publish(String type, Role role, String actorId, ClientInfo client) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("roleId", role.id());
        data.put("key", role.key());
        data.put("name", role.name());
        data.put("permissions", role.permissions());
        events.publish(new DomainEvent(type, role.id(), actorId, role.organizationId(), data), client);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) throw invalid("name", "required");
        String n = name.trim();
        if (n.length() > 100) throw invalid("name", "too_long");
        return n;
    }

    /** A custom role may not take a system role's key, or "owner" could mean two things. */
    private static String key(String given, String name) {
        String key = given == null || given.isBlank() ? RoleKeys.fromName(name) : given.trim().toLowerCase(java.util.Locale.ROOT);
        if (!RoleKeys.valid(key)) throw invalid("key", "invalid_format");
        if (SystemRole.find(key).isPresent()) throw JanuaException.of(ErrorCode.ROLE_ALREADY_EXISTS, "key", key);
        return key;
    }

    private static String trimToNull(String value, int max, String field) {
        if (value == null || value.isBlank()) return null;
        if (value.length() > max) throw invalid(field, "too_long");
        return value.trim();
    }

    private static JanuaException invalid(String field, String reason) {
        return new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", reason));
    }
}
