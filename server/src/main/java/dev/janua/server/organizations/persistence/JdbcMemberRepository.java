package dev.janua.server.organizations.persistence;

import dev.janua.server.organizations.Membership;
import dev.janua.server.organizations.Organization;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.persistence.Filters;
import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.rbac.SystemRole;
import dev.janua.server.users.UserStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL of memberships. Every query names its organization (or, for "my organizations", its user).
 * Member lists read the users table beside the memberships: one indexed join instead of N look-ups.
 */
@Repository
public class JdbcMemberRepository {
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final JdbcOrganizationRepository organizations;
    private final Clock clock;

    public JdbcMemberRepository(JdbcClient jdbc, JsonMapper json, JdbcOrganizationRepository organizations, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** A member row with what lists show of the user. */
    public record MemberRow(Membership membership, String email, String firstName, String lastName, String username,
                            String profileImageUrl, UserStatus status, boolean emailVerified, Instant lastSignInAt) {}

    /** What an access decision needs, in one query: does the org exist, is the user a member, admin, verified. */
    public record AccessRow(boolean organizationExists, boolean requireEmailVerification, boolean platformAdmin,
                            boolean emailVerified, String roleId, List<String> extraPermissions, UserStatus userStatus) {
        /** False when no user has the id: the row then only tells whether the organization exists. */
        public boolean userExists() {
            return userStatus != null;
        }
    }

    public record MyOrganizationRow(Organization organization, Membership membership, long memberCount) {}

    public void insert(Membership m, String addedBy) {
        jdbc.sql("""
                INSERT INTO organization_members (organization_id, user_id, role_id, permissions, added_by, joined_at, updated_at)
                VALUES (:org, :user, :role, :permissions, :addedBy, :now, :now)""")
                .param("org", m.organizationId()).param("user", m.userId()).param("role", m.roleId())
                .param("permissions", json.writeValueAsString(m.extraPermissions())).param("addedBy", addedBy)
                .param("now", Sql.ts(m.joinedAt()))
                .update();
    }

    public Optional<Membership> find(String organizationId, String userId) {
        return jdbc.sql("SELECT * FROM organization_members WHERE organization_id = :org AND user_id = :user")
                .param("org", organizationId).param("user", userId).query(this::membership).optional();
    }

    public void updateRole(String organizationId, String userId, String roleId, List<String> extra, Instant now) {
        jdbc.sql("""
                UPDATE organization_members SET role_id = :role, permissions = :permissions, updated_at = :now
                WHERE organization_id = :org AND user_id = :user""")
                .param("role", roleId).param("permissions", json.writeValueAsString(extra)).param("now", Sql.ts(now))
                .param("org", organizationId).param("user", userId)
                .update();
    }

    public boolean delete(String organizationId, String userId) {
        return jdbc.sql("DELETE FROM organization_members WHERE organization_id = :org AND user_id = :user")
                .param("org", organizationId).param("user", userId).update() == 1;
    }

    public long countWithRole(String organizationId, String roleId) {
        return jdbc.sql("SELECT COUNT(*) FROM organization_members WHERE organization_id = :org AND role_id = :role")
                .param("org", organizationId).param("role", roleId).query(Long.class).single();
    }

    public Map<String, Long> countsByRole(String organizationId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT role_id, COUNT(*) AS n FROM organization_members WHERE organization_id = :org GROUP BY role_id")
                .param("org", organizationId)
                .query((rs, i) -> counts.put(rs.getString("role_id"), rs.getLong("n"))).list();
        return counts;
    }

    public boolean emailIsMember(String organizationId, String emailNormalized) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM organization_members m JOIN users u ON u.id = m.user_id
                WHERE m.organization_id = :org AND u.email_normalized = :email""")
                .param("org", organizationId).param("email", emailNormalized).query(Long.class).single() > 0;
    }

    public AccessRow access(String organizationId, String userId) {
        return jdbc.sql("""
                SELECT o.id AS org_id, o.require_email_verification, u.is_admin, u.email_verified, u.status, u.suspended_until,
                       m.role_id, m.permissions
                FROM users u
                LEFT JOIN organizations o ON o.id = :org
                LEFT JOIN organization_members m ON m.organization_id = o.id AND m.user_id = u.id
                WHERE u.id = :user""")
                .param("org", organizationId).param("user", userId)
                .query((rs, i) -> new AccessRow(rs.getString("org_id") != null, rs.getBoolean("require_email_verification"),
                        rs.getBoolean("is_admin"), rs.getBoolean("email_verified"), rs.getString("role_id"),
                        list(rs.getString("permissions")),
                        UserStatus.effective(rs.getString("status"), Sql.instant(rs, "suspended_until"), clock.instant())))
                .optional()
                // orElseGet: the organization is looked up only when no user has the id (orElse ran that query every time)
                .orElseGet(() -> new AccessRow(organizations.exists(organizationId), false, false, false, null, List.of(), null));
    }

    public List<MemberRow> list(String organizationId, String roleId, String search, PageRequest page) {
        Filters f = filters(organizationId, roleId, search).whereIf("m.user_id > :after", "after", page.after());
        return jdbc.sql("""
                SELECT m.*, u.email, u.first_name, u.last_name, u.username, u.profile_image_url, u.status, u.suspended_until,
                       u.email_verified, u.last_sign_in_at
                FROM organization_members m JOIN users u ON u.id = m.user_id"""
                        + f.sql() + " ORDER BY m.user_id LIMIT :limit OFFSET :offset")
                .params(f.params()).param("limit", page.fetchSize()).param("offset", page.offset())
                .query(this::memberRow).list();
    }

    /** Joins users only to search: every membership has its user (foreign key), so without a term the index alone answers. */
    public long count(String organizationId, String roleId, String search) {
        Filters f = filters(organizationId, roleId, search);
        boolean searching = search != null && !search.isBlank();
        return jdbc.sql("SELECT COUNT(*) FROM organization_members m" + (searching ? " JOIN users u ON u.id = m.user_id" : "") + f.sql())
                .params(f.params()).query(Long.class).single();
    }

    public Optional<MemberRow> findRow(String organizationId, String userId) {
        return jdbc.sql("""
                SELECT m.*, u.email, u.first_name, u.last_name, u.username, u.profile_image_url, u.status, u.suspended_until,
                       u.email_verified, u.last_sign_in_at
                FROM organization_members m JOIN users u ON u.id = m.user_id
                WHERE m.organization_id = :org AND m.user_id = :user""")
                .param("org", organizationId).param("user", userId).query(this::memberRow).optional();
    }

    /** The user's organizations, by organization id, optionally only where they hold one role. */
    public List<MyOrganizationRow> listForUser(String userId, String roleId, PageRequest page) {
        Filters f = new Filters().where("m.user_id = :user", "user", userId)
                .whereIf("m.role_id = :role", "role", roleId)
                .whereIf("o.id > :after", "after", page.after());
        return jdbc.sql("""
                SELECT o.*, m.organization_id, m.user_id, m.role_id, m.permissions, m.joined_at, m.updated_at AS member_updated_at,
                       (SELECT COUNT(*) FROM organization_members c WHERE c.organization_id = o.id) AS member_count
                FROM organization_members m JOIN organizations o ON o.id = m.organization_id"""
                        + f.sql() + " ORDER BY o.id LIMIT :limit OFFSET :offset")
                .params(f.params()).param("limit", page.fetchSize()).param("offset", page.offset())
                .query((rs, i) -> new MyOrganizationRow(organizations.map(rs, i), new Membership(rs.getString("organization_id"),
                        rs.getString("user_id"), rs.getString("role_id"), list(rs.getString("permissions")),
                        Sql.instant(rs, "joined_at"), Sql.instant(rs, "member_updated_at")), rs.getLong("member_count")))
                .list();
    }

    /** The organizations of several users in one query (GraphQL batches {@code User.organizations}). */
    public List<MyOrganizationRow> listForUsers(java.util.Collection<String> userIds) {
        if (userIds.isEmpty()) return List.of();
        return jdbc.sql("""
                SELECT o.*, m.organization_id, m.user_id, m.role_id, m.permissions, m.joined_at, m.updated_at AS member_updated_at,
                       0 AS member_count
                FROM organization_members m JOIN organizations o ON o.id = m.organization_id
                WHERE m.user_id IN (:users) ORDER BY m.user_id, o.id""")
                .param("users", List.copyOf(userIds))
                .query((rs, i) -> new MyOrganizationRow(organizations.map(rs, i), new Membership(rs.getString("organization_id"),
                        rs.getString("user_id"), rs.getString("role_id"), list(rs.getString("permissions")),
                        Sql.instant(rs, "joined_at"), Sql.instant(rs, "member_updated_at")), rs.getLong("member_count")))
                .list();
    }

    public long countForUser(String userId, String roleId) {
        Filters f = new Filters().where("user_id = :user", "user", userId).whereIf("role_id = :role", "role", roleId);
        return jdbc.sql("SELECT COUNT(*) FROM organization_members" + f.sql()).params(f.params()).query(Long.class).single();
    }

    /** Organizations where this user is an owner and no one else is. */
    public List<String> ownedOrganizations(String userId) {
        return jdbc.sql("SELECT organization_id FROM organization_members WHERE user_id = :user AND role_id = :owner ORDER BY organization_id")
                .param("user", userId).param("owner", SystemRole.OWNER.id()).query(String.class).list();
    }

    public List<String> soleOwnerships(String userId) {
        return jdbc.sql("""
                SELECT m.organization_id FROM organization_members m
                WHERE m.user_id = :user AND m.role_id = :owner
                  AND NOT EXISTS (SELECT 1 FROM organization_members o
                                  WHERE o.organization_id = m.organization_id AND o.role_id = :owner AND o.user_id <> :user)
                ORDER BY m.organization_id""")
                .param("user", userId).param("owner", SystemRole.OWNER.id()).query(String.class).list();
    }

    private Filters filters(String organizationId, String roleId, String search) {
        return new Filters().where("m.organization_id = :org", "org", organizationId)
                .whereIf("m.role_id = :role", "role", roleId)
                .whereIf("u.search_text LIKE :search", "search", search == null || search.isBlank() ? null : Filters.containsPattern(search));
    }

    private Membership membership(ResultSet rs, int row) throws SQLException {
        return new Membership(rs.getString("organization_id"), rs.getString("user_id"), rs.getString("role_id"),
                list(rs.getString("permissions")), Sql.instant(rs, "joined_at"), Sql.instant(rs, "updated_at"));
    }

    private MemberRow memberRow(ResultSet rs, int row) throws SQLException {
        return new MemberRow(membership(rs, row), rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("username"), rs.getString("profile_image_url"),
                UserStatus.effective(rs.getString("status"), Sql.instant(rs, "suspended_until"), clock.instant()),
                rs.getBoolean("email_verified"), Sql.instant(rs, "last_sign_in_at"));
    }

    private List<String> list(String value) {
        return value == null ? List.of() : json.readValue(value, LIST);
    }
}
