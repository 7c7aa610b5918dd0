package dev.janua.server.sso.persistence;

import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.sso.domain.AttributeMapping;
import dev.janua.server.sso.domain.SsoConnection;
import dev.janua.server.sso.domain.SsoConnection.IdpDescriptor;
import dev.janua.server.sso.domain.SsoConnection.OidcClient;
import dev.janua.server.sso.domain.SsoProtocol;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of {@code sso_connections}: one connection per organization. */
@Repository
public class JdbcSsoConnections {
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcSsoConnections(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<SsoConnection> find(String organizationId) {
        return jdbc.sql("SELECT * FROM sso_connections WHERE organization_id = :org").param("org", organizationId)
                .query(this::map).optional();
    }

    /** Locks the row for a read-modify-write (update, metadata refresh). */
    public Optional<SsoConnection> lock(String organizationId) {
        return jdbc.sql("SELECT * FROM sso_connections WHERE organization_id = :org FOR UPDATE").param("org", organizationId)
                .query(this::map).optional();
    }

    /** SAML connections configured by metadata URL whose metadata was last fetched before {@code before}. */
    public List<String> dueForRefresh(Instant before, int limit) {
        return jdbc.sql("""
                SELECT organization_id FROM sso_connections
                WHERE protocol = 'saml' AND metadata_url IS NOT NULL
                  AND (metadata_refreshed_at IS NULL OR metadata_refreshed_at < :before)
                ORDER BY organization_id LIMIT :limit""")
                .param("before", Sql.ts(before)).param("limit", limit).query(String.class).list();
    }

    public void insert(SsoConnection c) {
        jdbc.sql("""
                INSERT INTO sso_connections (id, organization_id, protocol, provider, enabled, metadata_url, metadata_xml,
                    idp_entity_id, idp_sso_url, idp_certs, metadata_refreshed_at, metadata_error, oidc_issuer, oidc_client_id,
                    oidc_client_secret, oidc_scopes, attribute_mapping, group_role_mapping, jit_provisioning, update_on_sign_in,
                    default_role, allow_idp_initiated, created_by, created_at, updated_at)
                VALUES (:id, :org, :protocol, :provider, :enabled, :metadataUrl, :metadataXml, :entityId, :ssoUrl, :certs,
                    :refreshedAt, :metadataError, :issuer, :clientId, :clientSecret, :scopes, :attributes, :groups, :jit,
                    :updateOnSignIn, :defaultRole, :idpInitiated, :createdBy, :createdAt, :updatedAt)""")
                .params(params(c)).update();
    }

    public void update(SsoConnection c) {
        jdbc.sql("""
                UPDATE sso_connections SET protocol = :protocol, provider = :provider, enabled = :enabled,
                    metadata_url = :metadataUrl, metadata_xml = :metadataXml, idp_entity_id = :entityId, idp_sso_url = :ssoUrl,
                    idp_certs = :certs, metadata_refreshed_at = :refreshedAt, metadata_error = :metadataError,
                    oidc_issuer = :issuer, oidc_client_id = :clientId, oidc_client_secret = :clientSecret, oidc_scopes = :scopes,
                    attribute_mapping = :attributes, group_role_mapping = :groups, jit_provisioning = :jit,
                    update_on_sign_in = :updateOnSignIn, default_role = :defaultRole, allow_idp_initiated = :idpInitiated,
                    updated_at = :updatedAt
                WHERE organization_id = :org""")
                .params(params(c)).update();
    }

    public boolean delete(String organizationId) {
        return jdbc.sql("DELETE FROM sso_connections WHERE organization_id = :org").param("org", organizationId).update() == 1;
    }

    private Map<String, Object> params(SsoConnection c) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", c.id());
        p.put("org", c.organizationId());
        p.put("protocol", c.protocol().wire());
        p.put("provider", c.provider());
        p.put("enabled", c.enabled());
        p.put("metadataUrl", c.metadataUrl());
        p.put("metadataXml", c.metadataXml());
        IdpDescriptor idp = c.idp();
        p.put("entityId", idp == null ? null : idp.entityId());
        p.put("ssoUrl", idp == null ? null : idp.ssoUrl());
        p.put("certs", idp == null || idp.certificates().isEmpty() ? null : String.join("\n", idp.certificates()));
        p.put("refreshedAt", Sql.ts(c.metadataRefreshedAt()));
        p.put("metadataError", c.metadataError());
        OidcClient o = c.oidc();
        p.put("issuer", o == null ? null : o.issuer());
        p.put("clientId", o == null ? null : o.clientId());
        p.put("clientSecret", o == null ? null : o.sealedClientSecret());
        p.put("scopes", o == null ? null : o.scopes());
        p.put("attributes", json.writeValueAsString(c.attributeMapping()));
        p.put("groups", json.writeValueAsString(c.groupRoleMapping()));
        p.put("jit", c.jitProvisioning());
        p.put("updateOnSignIn", c.updateOnSignIn());
        p.put("defaultRole", c.defaultRole());
        p.put("idpInitiated", c.allowIdpInitiated());
        p.put("createdBy", c.createdBy());
        p.put("createdAt", Sql.ts(c.createdAt()));
        p.put("updatedAt", Sql.ts(c.updatedAt()));
        return p;
    }

    private SsoConnection map(ResultSet rs, int row) throws SQLException {
        String certs = rs.getString("idp_certs");
        IdpDescriptor idp = rs.getString("idp_entity_id") == null && certs == null ? null
                : new IdpDescriptor(rs.getString("idp_entity_id"), rs.getString("idp_sso_url"),
                        certs == null ? List.of() : Arrays.stream(certs.split("\n")).filter(s -> !s.isBlank()).toList());
        OidcClient oidc = rs.getString("oidc_issuer") == null ? null
                : new OidcClient(rs.getString("oidc_issuer"), rs.getString("oidc_client_id"), rs.getString("oidc_client_secret"),
                        rs.getString("oidc_scopes"));
        return new SsoConnection(rs.getString("id"), rs.getString("organization_id"),
                SsoProtocol.parse(rs.getString("protocol")).orElseThrow(), rs.getString("provider"), rs.getBoolean("enabled"),
                rs.getString("metadata_url"), rs.getString("metadata_xml"), idp, Sql.instant(rs, "metadata_refreshed_at"),
                rs.getString("metadata_error"), oidc, json.readValue(rs.getString("attribute_mapping"), AttributeMapping.class),
                json.readValue(rs.getString("group_role_mapping"), MAP), rs.getBoolean("jit_provisioning"),
                rs.getBoolean("update_on_sign_in"), rs.getString("default_role"), rs.getBoolean("allow_idp_initiated"),
                rs.getString("created_by"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
