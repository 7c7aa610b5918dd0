package dev.janua.server.scim.persistence;

import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.scim.domain.ScimGroup;
import dev.janua.server.scim.domain.UserResources;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of SCIM groups and their members, scoped by organization in every query. */
@Repository
public class JdbcScimGroupRepository {
    private final JdbcClient jdbc;

    public JdbcScimGroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ScimGroup g) {
        jdbc.sql("""
                INSERT INTO scim_groups (id, organization_id, display_name, display_name_lower, external_id, role_id, created_at, updated_at)
                VALUES (:id, :org, :name, :lower, :ext, :role, :at, :at)""")
                .param("id", g.id()).param("org", g.organizationId()).param("name", g.displayName())
                .param("lower", g.displayName().toLowerCase(Locale.ROOT)).param("ext", g.externalId()).param("role", g.roleId())
                .param("at", Sql.ts(g.createdAt())).update();
    }

    public void update(ScimGroup g, Instant now) {
        jdbc.sql("""
                UPDATE scim_groups SET display_name = :name, display_name_lower = :lower, external_id = :ext, role_id = :role,
                       updated_at = :now WHERE organization_id = :org AND id = :id""")
                .param("id", g.id()).param("org", g.organizationId()).param("name", g.displayName())
                .param("lower", g.displayName().toLowerCase(Locale.ROOT)).param("ext", g.externalId()).param("role", g.roleId())
                .param("now", Sql.ts(now)).update();
    }

    public Optional<ScimGroup> find(String organizationId, String id) {
        return jdbc.sql("SELECT * FROM scim_groups WHERE organization_id = :org AND id = :id")
                .param("org", organizationId).param("id", id).query(JdbcScimGroupRepository::map).optional();
    }

    public Optional<ScimGroup> lock(String organizationId, String id) {
        return jdbc.sql("SELECT * FROM scim_groups WHERE organization_id = :org AND id = :id FOR UPDATE")
                .param("org", organizationId).param("id", id).query(JdbcScimGroupRepository::map).optional();
    }

    public Optional<ScimGroup> findByDisplayName(String organizationId, String displayName) {
        return jdbc.sql("SELECT * FROM scim_groups WHERE organization_id = :org AND display_name_lower = :lower")
                .param("org", organizationId).param("lower", displayName.toLowerCase(Locale.ROOT))
                .query(JdbcScimGroupRepository::map).optional();
    }

    public List<ScimGroup> list(String organizationId) {
        return jdbc.sql("SELECT * FROM scim_groups WHERE organization_id = :org ORDER BY id")
                .param("org", organizationId).query(JdbcScimGroupRepository::map).list();
    }

    public List<ScimGroup> page(String organizationId, int offset, int limit) {
        return jdbc.sql("SELECT * FROM scim_groups WHERE organization_id = :org ORDER BY id LIMIT :limit OFFSET :offset")
                .param("org", organizationId).param("limit", limit).param("offset", offset).query(JdbcScimGroupRepository::map).list();
    }

    public long count(String organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM scim_groups WHERE organization_id = :org").param("org", organizationId)
                .query(Long.class).single();
    }

    public boolean delete(String organizationId, String id) {
        return jdbc.sql("DELETE FROM scim_groups WHERE organization_id = :org AND id = :id")
                .param("org", organizationId).param("id", id).update() == 1;
    }

    public List<String> memberIds(String groupId) {
        return jdbc.sql("SELECT user_id FROM scim_group_members WHERE group_id = :g ORDER BY user_id")
                .param("g", groupId).query(String.class).list();
    }

    public void addMembers(String organizationId, String groupId, Collection<String> userIds) {
        for (String u : userIds) {
            jdbc.sql("INSERT INTO scim_group_members (group_id, organization_id, user_id) VALUES (:g, :org, :u)")
                    .param("g", groupId).param("org", organizationId).param("u", u).update();
        }
    }

    public void removeMembers(String groupId, Collection<String> userIds) {
        for (String u : userIds) {
            jdbc.sql("DELETE FROM scim_group_members WHERE group_id = :g AND user_id = :u").param("g", groupId).param("u", u).update();
        }
    }

    /** Groups of the organization the user is in (for role mapping and deprovisioning). */
    public List<ScimGroup> groupsOf(String organizationId, String userId) {
        return jdbc.sql("""
                SELECT g.* FROM scim_groups g JOIN scim_group_members m ON m.group_id = g.id
                WHERE m.organization_id = :org AND m.user_id = :u ORDER BY g.id""")
                .param("org", organizationId).param("u", userId).query(JdbcScimGroupRepository::map).list();
    }

    /** The groups (id, displayName) of many users of the organization, in one query per chunk of 500 ids. */
    public Map<String, List<UserResources.GroupRef>> groupRefsOf(String organizationId, Collection<String> userIds) {
        Map<String, List<UserResources.GroupRef>> out = new HashMap<>();
        List<String> ids = List.copyOf(userIds);
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql("""
                    SELECT m.user_id, g.id, g.display_name FROM scim_group_members m JOIN scim_groups g ON g.id = m.group_id
                    WHERE m.organization_id = :org AND m.user_id IN (:ids) ORDER BY g.id""")
                    .param("org", organizationId).param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query((rs, row) -> out.computeIfAbsent(rs.getString("user_id"), k -> new ArrayList<>())
                            .add(new UserResources.GroupRef(rs.getString("id"), rs.getString("display_name"))))
                    .list();
        }
        return out;
    }

    public void removeUserEverywhere(String organizationId, String userId) {
        jdbc.sql("DELETE FROM scim_group_members WHERE organization_id = :org AND user_id = :u")
                .param("org", organizationId).param("u", userId).update();
    }

    private static ScimGroup map(ResultSet rs, int row) throws SQLException {
        return new ScimGroup(rs.getString("id"), rs.getString("organization_id"), rs.getString("display_name"),
                rs.getString("external_id"), rs.getString("role_id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
