package dev.janua.server.oidc.persistence;

import dev.janua.server.oidc.domain.Application;
import dev.janua.server.oidc.domain.ApplicationType;
import dev.janua.server.platform.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of applications. Lists are stored one item per line (URIs contain no line breaks). */
@Repository
public class JdbcApplications {
    private final JdbcClient jdbc;

    public JdbcApplications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Application a) {
        jdbc.sql("""
                INSERT INTO oidc_applications (id, client_id, client_secret_hash, name, app_type, redirect_uris,
                    post_logout_redirect_uris, grant_types, scopes, first_party, access_token_ttl_s, refresh_token_ttl_s,
                    created_at, updated_at, organization_id)
                VALUES (:id, :cid, :secret, :name, :type, :redirects, :logout, :grants, :scopes, :first, :at, :rt, :created, :updated,
                    :org)""")
                .param("id", a.id()).param("cid", a.clientId()).param("secret", a.secretHash()).param("name", a.name())
                .param("type", a.type().wireName()).param("redirects", lines(a.redirectUris()))
                .param("logout", lines(a.postLogoutRedirectUris())).param("grants", lines(a.grantTypes()))
                .param("scopes", lines(a.scopes())).param("first", a.firstParty())
                .param("at", (int) a.accessTokenTtl().toSeconds()).param("rt", (int) a.refreshTokenTtl().toSeconds())
                .param("created", Sql.ts(a.createdAt())).param("updated", Sql.ts(a.updatedAt()))
                .param("org", a.organizationId())
                .update();
    }

    public boolean update(Application a) {
        return jdbc.sql("""
                UPDATE oidc_applications SET name = :name, redirect_uris = :redirects, post_logout_redirect_uris = :logout,
                    grant_types = :grants, scopes = :scopes, first_party = :first, access_token_ttl_s = :at,
                    refresh_token_ttl_s = :rt, updated_at = :updated
                WHERE id = :id""")
                .param("id", a.id()).param("name", a.name()).param("redirects", lines(a.redirectUris()))
                .param("logout", lines(a.postLogoutRedirectUris())).param("grants", lines(a.grantTypes()))
                .param("scopes", lines(a.scopes())).param("first", a.firstParty())
                .param("at", (int) a.accessTokenTtl().toSeconds()).param("rt", (int) a.refreshTokenTtl().toSeconds())
                .param("updated", Sql.ts(a.updatedAt()))
                .update() == 1;
    }

    public boolean replaceSecret(String id, String secretHash, Instant now) {
        return jdbc.sql("UPDATE oidc_applications SET client_secret_hash = :s, secret_rotated_at = :now, updated_at = :now WHERE id = :id")
                .param("s", secretHash).param("now", Sql.ts(now)).param("id", id).update() == 1;
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM oidc_applications WHERE id = :id").param("id", id).update() == 1;
    }

    public Optional<Application> find(String id) {
        return jdbc.sql("SELECT * FROM oidc_applications WHERE id = :id").param("id", id).query(JdbcApplications::map).optional();
    }

    public Optional<Application> findByClientId(String clientId) {
        return jdbc.sql("SELECT * FROM oidc_applications WHERE client_id = :c").param("c", clientId).query(JdbcApplications::map).optional();
    }

    /**
     * Applications that registered exactly {@code uri} as a redirect URI. The LIKE narrows the rows
     * (its wildcards escaped); the exact comparison is the split list's.
     */
    public List<Application> findByRedirectUri(String uri) {
        String pattern = "%" + uri.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbc.sql("SELECT * FROM oidc_applications WHERE redirect_uris LIKE :p ESCAPE '!'").param("p", pattern)
                .query(JdbcApplications::map).list().stream().filter(a -> a.redirectUris().contains(uri)).toList();
    }

    /**
     * Newest first, {@code limit + 1} rows so the caller knows whether there are more; only one
     * organization's when {@code organizationId} is given (tenant scope), else all.
     */
    public List<Application> list(String organizationId, String beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM oidc_applications WHERE 1 = 1");
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        if (organizationId != null) {
            sql.append(" AND organization_id = :org");
            p.put("org", organizationId);
        }
        if (beforeId != null) {
            sql.append(" AND id < :before");
            p.put("before", beforeId);
        }
        p.put("limit", limit + 1);
        return jdbc.sql(sql + " ORDER BY id DESC LIMIT :limit").params(p).query(JdbcApplications::map).list();
    }

    private static String lines(java.util.Collection<String> values) {
        return String.join("\n", values);
    }

    private static List<String> split(String value) {
        if (value == null || value.isEmpty()) return List.of();
        return Arrays.asList(value.split("\n"));
    }

    private static Application map(ResultSet rs, int n) throws SQLException {
        return new Application(rs.getString("id"), rs.getString("client_id"), rs.getString("client_secret_hash"),
                rs.getString("name"), ApplicationType.parse(rs.getString("app_type")), split(rs.getString("redirect_uris")),
                split(rs.getString("post_logout_redirect_uris")), new LinkedHashSet<>(split(rs.getString("grant_types"))),
                new LinkedHashSet<>(split(rs.getString("scopes"))), rs.getBoolean("first_party"),
                Duration.ofSeconds(rs.getInt("access_token_ttl_s")), Duration.ofSeconds(rs.getInt("refresh_token_ttl_s")),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getString("organization_id"));
    }
}
