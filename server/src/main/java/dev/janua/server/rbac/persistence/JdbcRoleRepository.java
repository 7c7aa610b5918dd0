package dev.janua.server.rbac.persistence;

import dev.janua.server.platform.cache.Invalidations;
import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.rbac.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * All SQL of custom roles; every query is scoped by organization id. Every write announces its
 * organization to {@link Invalidations}, so the per-node role caches drop it here and on other nodes.
 */
@Repository
public class JdbcRoleRepository {
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Invalidations invalidations;

    public JdbcRoleRepository(JdbcClient jdbc, JsonMapper json, Invalidations invalidations) {
        this.invalidations = invalidations;
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Role> list(String organizationId) {
        return jdbc.sql("SELECT * FROM roles WHERE organization_id = :org ORDER BY id")
                .param("org", organizationId).query(this::map).list();
    }

    public Optional<Role> findByIdKeyOrName(String organizationId, String ref) {
        return jdbc.sql("""
                SELECT * FROM roles WHERE organization_id = :org
                  AND (id = :ref OR role_key = LOWER(:ref) OR LOWER(name) = LOWER(:ref))
                ORDER BY id""")
                .param("org", organizationId).param("ref", ref).query(this::map).list().stream().findFirst();
    }

    public void insert(Role r) {
        invalidations.invalidate(r.organizationId());
        jdbc.sql("""
                INSERT INTO roles (id, organization_id, role_key, name, description, permissions, created_at, updated_at)
                VALUES (:id, :org, :key, :name, :description, :permissions, :now, :now)""")
                .param("id", r.id()).param("org", r.organizationId()).param("key", r.key()).param("name", r.name())
                .param("description", r.description()).param("permissions", json.writeValueAsString(r.permissions()))
                .param("now", Sql.ts(r.createdAt()))
                .update();
    }

    public void update(Role r, Instant now) {
        invalidations.invalidate(r.organizationId());
        jdbc.sql("""
                UPDATE roles SET name = :name, description = :description, permissions = :permissions,
                                 updated_at = :now
                WHERE id = :id AND organization_id = :org""")
                .param("name", r.name()).param("description", r.description())
                .param("permissions", json.writeValueAsString(r.permissions())).param("now", Sql.ts(now))
                .param("id", r.id()).param("org", r.organizationId())
                .update();
    }

    public boolean delete(String organizationId, String id) {
        invalidations.invalidate(organizationId);
        return jdbc.sql("DELETE FROM roles WHERE id = :id AND organization_id = :org")
                .param("id", id).param("org", organizationId).update() == 1;
    }

    private Role map(ResultSet rs, int row) throws SQLException {
        return new Role(rs.getString("id"), rs.getString("organization_id"), rs.getString("role_key"), rs.getString("name"),
                rs.getString("description"), json.readValue(rs.getString("permissions"), LIST), false,
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
