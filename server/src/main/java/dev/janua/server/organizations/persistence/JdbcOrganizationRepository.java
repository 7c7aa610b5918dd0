package dev.janua.server.organizations.persistence;

import dev.janua.server.organizations.Organization;
import dev.janua.server.organizations.OrganizationSettings;
import dev.janua.server.platform.cache.DatabaseVendor;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.persistence.Filters;
import dev.janua.server.platform.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of the organizations table. */
@Repository
public class JdbcOrganizationRepository {
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;

    private final boolean postgres;

    public JdbcOrganizationRepository(JdbcClient jdbc, JsonMapper json, DatabaseVendor vendor) {
        this.jdbc = jdbc;
        this.json = json;
        this.postgres = vendor.postgres();
    }

    public Optional<Organization> find(String id) {
        return jdbc.sql("SELECT * FROM organizations WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /**
     * Locks the organization row for the rest of the transaction. Every change to its memberships
     * and invitations takes this lock first, so "is this the last owner?" and "is an invitation
     * already pending?" are answered without a race.
     */
    public Optional<Organization> lock(String id) {
        return jdbc.sql("SELECT * FROM organizations WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    /**
     * The lock for adding {@code userId} as an ordinary member: the organization row locked against
     * {@link #lock} but not against other adds, so concurrent adds in one organization (a directory
     * provisioning thousands of users) no longer queue behind each other, while every exclusive change
     * (last owner, role deletion, invitations) still waits for them and they for it. Two adds of the
     * same user still run one at a time (a transaction-scoped advisory lock on the pair), so "already a
     * member?" stays a safe read. PostgreSQL's {@code FOR SHARE}; H2 has no shared row lock and keeps
     * {@link #lock}.
     */
    public Optional<Organization> lockToAdd(String id, String userId) {
        if (!postgres) return lock(id);
        Optional<Organization> org = jdbc.sql("SELECT * FROM organizations WHERE id = :id FOR SHARE").param("id", id).query(this::map).optional();
        if (org.isPresent()) {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:org), hashtext(:user))").param("org", id).param("user", userId)
                    .query((rs, i) -> 1).list();
        }
        return org;
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM organizations WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    public boolean slugTaken(String slug) {
        return jdbc.sql("SELECT COUNT(*) FROM organizations WHERE slug = :s").param("s", slug).query(Long.class).single() > 0;
    }

    public void insert(Organization o) {
        jdbc.sql("""
                INSERT INTO organizations (id, name, slug, description, domain, logo_url, billing_email, allow_self_signup,
                    require_email_verification, default_role, sso_required, mfa_required, session_timeout_s, allowed_domains,
                    allowed_ip_ranges, created_by, created_at, updated_at)
                VALUES (:id, :name, :slug, :description, :domain, :logo, :billing, :selfSignup, :verify, :defaultRole, :sso, :mfa,
                    :timeout, :domains, :ranges, :createdBy, :now, :now)""")
                .params(params(o)).param("createdBy", o.createdBy()).param("now", Sql.ts(o.createdAt()))
                .update();
    }

    public void update(Organization o) {
        jdbc.sql("""
                UPDATE organizations SET name = :name, slug = :slug, description = :description, domain = :domain,
                    logo_url = :logo, billing_email = :billing, allow_self_signup = :selfSignup,
                    require_email_verification = :verify, default_role = :defaultRole, sso_required = :sso,
                    mfa_required = :mfa, session_timeout_s = :timeout, allowed_domains = :domains,
                    allowed_ip_ranges = :ranges, updated_at = :now
                WHERE id = :id""")
                .params(params(o)).param("now", Sql.ts(o.updatedAt()))
                .update();
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM organizations WHERE id = :id").param("id", id).update() == 1;
    }

    public long memberCount(String organizationId) {
        return jdbc.sql("SELECT COUNT(*) FROM organization_members WHERE organization_id = :org")
                .param("org", organizationId).query(Long.class).single();
    }

    /** The user's organizations that set a session timeout: the shortest one wins. */
    public Optional<Integer> shortestSessionTimeout(String userId) {
        return jdbc.sql("""
                SELECT MIN(o.session_timeout_s) FROM organization_members m JOIN organizations o ON o.id = m.organization_id
                WHERE m.user_id = :u AND o.session_timeout_s IS NOT NULL""")
                .param("u", userId).query(Integer.class).optional();
    }

    public boolean anyRequiresMfa(String userId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM organization_members m JOIN organizations o ON o.id = m.organization_id
                WHERE m.user_id = :u AND o.mfa_required = TRUE""")
                .param("u", userId).query(Long.class).single() > 0;
    }

    public record CountedOrganization(Organization organization, long memberCount) {}

    /** Every organization (platform view), by id, optionally matching a name/slug/domain search. */
    public List<CountedOrganization> search(String search, PageRequest page) {
        Filters f = searchFilters(search).whereIf("o.id > :after", "after", page.after());
        return jdbc.sql("""
                SELECT o.*, (SELECT COUNT(*) FROM organization_members c WHERE c.organization_id = o.id) AS member_count
                FROM organizations o""" + f.sql() + " ORDER BY o.id LIMIT :limit OFFSET :offset")
                .params(f.params()).param("limit", page.fetchSize()).param("offset", page.offset())
                .query((rs, i) -> new CountedOrganization(map(rs, i), rs.getLong("member_count"))).list();
    }

    public long count(String search) {
        Filters f = searchFilters(search);
        return jdbc.sql("SELECT COUNT(*) FROM organizations o" + f.sql()).params(f.params()).query(Long.class).single();
    }

    private static Filters searchFilters(String search) {
        return new Filters().whereIf("o.search_text LIKE :search", "search",
                search == null || search.isBlank() ? null : Filters.containsPattern(search));
    }

    private Map<String, Object> params(Organization o) {
        OrganizationSettings s = o.settings();
        Map<String, Object> p = new HashMap<>();
        p.put("id", o.id());
        p.put("name", o.name());
        p.put("slug", o.slug());
        p.put("description", o.description());
        p.put("domain", o.domain());
        p.put("logo", o.logoUrl());
        p.put("billing", o.billingEmail());
        p.put("selfSignup", s.allowSelfSignup());
        p.put("verify", s.requireEmailVerification());
        p.put("defaultRole", s.defaultRole());
        p.put("sso", s.ssoRequired());
        p.put("mfa", s.mfaRequired());
        p.put("timeout", s.sessionTimeout());
        p.put("domains", json.writeValueAsString(s.allowedDomains()));
        p.put("ranges", json.writeValueAsString(s.allowedIpRanges()));
        return p;
    }

    public Organization map(ResultSet rs, int row) throws SQLException {
        int timeout = rs.getInt("session_timeout_s");
        Integer sessionTimeout = rs.wasNull() ? null : timeout;
        OrganizationSettings settings = new OrganizationSettings(rs.getBoolean("allow_self_signup"),
                rs.getBoolean("require_email_verification"), rs.getString("default_role"), rs.getBoolean("sso_required"),
                rs.getBoolean("mfa_required"), sessionTimeout, list(rs.getString("allowed_domains")),
                list(rs.getString("allowed_ip_ranges")));
        return new Organization(rs.getString("id"), rs.getString("name"), rs.getString("slug"), rs.getString("description"),
                rs.getString("domain"), rs.getString("logo_url"), rs.getString("billing_email"), settings,
                rs.getString("created_by"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private List<String> list(String value) {
        return value == null ? List.of() : json.readValue(value, LIST);
    }
}
