package dev.janua.server.social.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code social_providers}; the client secret stays sealed here (the service opens it). */
@Repository
public class JdbcSocialProviders {
    private final JdbcClient jdbc;

    public JdbcSocialProviders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored row; maps (scopes, claim mapping, settings) as JSON text. */
    public record Row(String id, String slug, String kind, String organizationId, String displayName, boolean enabled, String clientId,
                      String clientSecretSealed, String issuer, String authorizationUrl, String tokenUrl, String userinfoUrl,
                      String jwksUrl, String scopes, String claimMapping, String settings, Instant createdAt, Instant updatedAt) {}

    public void insert(Row r) {
        jdbc.sql("""
                INSERT INTO social_providers (id, slug, kind, organization_id, organization_key, display_name, enabled, client_id,
                    client_secret_enc, issuer, authorization_url, token_url, userinfo_url, jwks_url, scopes, claim_mapping, settings,
                    created_at, updated_at)
                VALUES (:id, :slug, :kind, :org, :orgKey, :name, :enabled, :clientId, :secret, :issuer, :auth, :token, :userinfo, :jwks,
                    :scopes, :mapping, :settings, :at, :updated)""")
                .params(params(r)).param("at", Sql.ts(r.createdAt())).update();
    }

    public boolean update(Row r) {
        return jdbc.sql("""
                UPDATE social_providers SET kind = :kind, display_name = :name, enabled = :enabled, client_id = :clientId,
                    client_secret_enc = :secret, issuer = :issuer, authorization_url = :auth, token_url = :token, userinfo_url = :userinfo,
                    jwks_url = :jwks, scopes = :scopes, claim_mapping = :mapping, settings = :settings, updated_at = :updated
                WHERE id = :id""").params(params(r)).update() == 1;
    }

    private static java.util.Map<String, Object> params(Row r) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", r.id());
        p.put("slug", r.slug());
        p.put("kind", r.kind());
        p.put("org", r.organizationId());
        p.put("orgKey", r.organizationId() == null ? "" : r.organizationId());
        p.put("name", r.displayName());
        p.put("enabled", r.enabled());
        p.put("clientId", r.clientId());
        p.put("secret", r.clientSecretSealed());
        p.put("issuer", r.issuer());
        p.put("auth", r.authorizationUrl());
        p.put("token", r.tokenUrl());
        p.put("userinfo", r.userinfoUrl());
        p.put("jwks", r.jwksUrl());
        p.put("scopes", r.scopes());
        p.put("mapping", r.claimMapping());
        p.put("settings", r.settings());
        p.put("updated", Sql.ts(r.updatedAt()));
        return p;
    }

    public Optional<Row> find(String id) {
        return jdbc.sql("SELECT * FROM social_providers WHERE id = :id").param("id", id).query(JdbcSocialProviders::map).optional();
    }

    /** The organization's own provider with this slug ({@code organizationId} null: the platform-wide one). */
    public Optional<Row> findBySlug(String organizationId, String slug) {
        return jdbc.sql("SELECT * FROM social_providers WHERE organization_key = :org AND slug = :slug")
                .param("org", organizationId == null ? "" : organizationId).param("slug", slug).query(JdbcSocialProviders::map).optional();
    }

    /** Platform-wide providers, plus the organization's when one is given. */
    public List<Row> list(String organizationId) {
        return jdbc.sql("SELECT * FROM social_providers WHERE organization_key = '' OR organization_key = :org ORDER BY id")
                .param("org", organizationId == null ? "" : organizationId).query(JdbcSocialProviders::map).list();
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM social_providers WHERE id = :id").param("id", id).update() == 1;
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("slug"), rs.getString("kind"), rs.getString("organization_id"),
                rs.getString("display_name"), rs.getBoolean("enabled"), rs.getString("client_id"), rs.getString("client_secret_enc"),
                rs.getString("issuer"), rs.getString("authorization_url"), rs.getString("token_url"), rs.getString("userinfo_url"),
                rs.getString("jwks_url"), rs.getString("scopes"), rs.getString("claim_mapping"), rs.getString("settings"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
