package dev.janua.server.scim.persistence;

import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.scim.domain.ScimUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import dev.janua.server.scim.domain.UserResources;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of provisioned users. The organization id is part of every key: a directory sees only its
 * own organization's people. userName uniqueness is the {@code scim_users_name_unique} constraint
 * on the lower-cased name, so two racing creates cannot both win.
 */
@Repository
public class JdbcScimUserRepository {
    private final JdbcClient jdbc;

    public JdbcScimUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ScimUser u) {
        jdbc.sql("""
                INSERT INTO scim_users (organization_id, user_id, user_name, user_name_lower, external_id, display_name, active,
                                        employee_number, department, manager_id, created_account, created_at, updated_at)
                VALUES (:org, :user, :name, :lower, :ext, :display, :active, :emp, :dept, :mgr, :created, :at, :at)""")
                .param("org", u.organizationId()).param("user", u.userId()).param("name", u.userName())
                .param("lower", u.userName().toLowerCase(Locale.ROOT)).param("ext", u.externalId()).param("display", u.displayName())
                .param("active", u.active()).param("emp", u.employeeNumber()).param("dept", u.department()).param("mgr", u.managerId())
                .param("created", u.createdAccount()).param("at", Sql.ts(u.createdAt())).update();
    }

    public void update(ScimUser u, Instant now) {
        jdbc.sql("""
                UPDATE scim_users SET user_name = :name, user_name_lower = :lower, external_id = :ext, display_name = :display,
                       active = :active, employee_number = :emp, department = :dept, manager_id = :mgr, updated_at = :now
                WHERE organization_id = :org AND user_id = :user""")
                .param("org", u.organizationId()).param("user", u.userId()).param("name", u.userName())
                .param("lower", u.userName().toLowerCase(Locale.ROOT)).param("ext", u.externalId()).param("display", u.displayName())
                .param("active", u.active()).param("emp", u.employeeNumber()).param("dept", u.department()).param("mgr", u.managerId())
                .param("now", Sql.ts(now)).update();
    }

    /** Marks a change made outside this table (the account's name or email), so meta.lastModified moves. */
    public void touch(String organizationId, String userId, Instant now) {
        jdbc.sql("UPDATE scim_users SET updated_at = :now WHERE organization_id = :org AND user_id = :user")
                .param("now", Sql.ts(now)).param("org", organizationId).param("user", userId).update();
    }

    public Optional<ScimUser> find(String organizationId, String userId) {
        return jdbc.sql("SELECT * FROM scim_users WHERE organization_id = :org AND user_id = :user")
                .param("org", organizationId).param("user", userId).query(JdbcScimUserRepository::map).optional();
    }

    /** Locks the row for the rest of the transaction: writes to one resource are serialised (If-Match, PATCH). */
    public Optional<ScimUser> lock(String organizationId, String userId) {
        return jdbc.sql("SELECT * FROM scim_users WHERE organization_id = :org AND user_id = :user FOR UPDATE")
                .param("org", organizationId).param("user", userId).query(JdbcScimUserRepository::map).optional();
    }

    public Optional<ScimUser> findByUserName(String organizationId, String userName) {
        return jdbc.sql("SELECT * FROM scim_users WHERE organization_id = :org AND user_name_lower = :lower")
                .param("org", organizationId).param("lower", userName.toLowerCase(Locale.ROOT)).query(JdbcScimUserRepository::map).optional();
    }

    public List<ScimUser> findByExternalId(String organizationId, String externalId) {
        return jdbc.sql("SELECT * FROM scim_users WHERE organization_id = :org AND external_id = :ext ORDER BY user_id")
                .param("org", organizationId).param("ext", externalId).query(JdbcScimUserRepository::map).list();
    }

    /** A page in id order (ids are time-ordered): {@code offset} rows skipped, at most {@code limit} returned. */
    public List<ScimUser> page(String organizationId, int offset, int limit) {
        return jdbc.sql("SELECT * FROM scim_users WHERE organization_id = :org ORDER BY user_id LIMIT :limit OFFSET :offset")
                .param("org", organizationId).param("limit", limit).param("offset", offset).query(JdbcScimUserRepository::map).list();
    }

    /**
     * The account fields (email, names) of many users in one query per chunk of 500 ids, for rendering
     * lists: a read-only projection of the users table (the users module owns it and every write to it),
     * taken here because {@code UserDirectory} reads one account at a time and a filtered list renders up
     * to 20,000 users.
     */
    public Map<String, UserResources.Account> accounts(Collection<String> userIds) {
        Map<String, UserResources.Account> out = new HashMap<>();
        List<String> ids = List.copyOf(userIds);
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql("SELECT id, email, first_name, last_name FROM users WHERE id IN (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .query((rs, row) -> out.put(rs.getString("id"),
                            new UserResources.Account(rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"))))
                    .list();
        }
        return out;
    }

    public long count(String organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM scim_users WHERE organization_id = :org").param("org", organizationId)
                .query(Long.class).single();
    }

    public boolean delete(String organizationId, String userId) {
        return jdbc.sql("DELETE FROM scim_users WHERE organization_id = :org AND user_id = :user")
                .param("org", organizationId).param("user", userId).update() == 1;
    }

    private static ScimUser map(ResultSet rs, int row) throws SQLException {
        return new ScimUser(rs.getString("organization_id"), rs.getString("user_id"), rs.getString("user_name"),
                rs.getString("external_id"), rs.getString("display_name"), rs.getBoolean("active"), rs.getString("employee_number"),
                rs.getString("department"), rs.getString("manager_id"), rs.getBoolean("created_account"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
