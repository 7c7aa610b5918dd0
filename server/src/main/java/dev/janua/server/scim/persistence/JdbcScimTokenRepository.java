package dev.janua.server.scim.persistence;

import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.scim.domain.ScimToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of SCIM tokens; every query but the lookup by hash names the organization. */
@Repository
public class JdbcScimTokenRepository {
    private final JdbcClient jdbc;

    public JdbcScimTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ScimToken t, String hash) {
        jdbc.sql("""
                INSERT INTO scim_tokens (id, organization_id, name, token_hash, token_prefix, created_by, created_at)
                VALUES (:id, :org, :name, :hash, :prefix, :by, :now)""")
                .param("id", t.id()).param("org", t.organizationId()).param("name", t.name()).param("hash", hash)
                .param("prefix", t.tokenPrefix()).param("by", t.createdBy()).param("now", Sql.ts(t.createdAt())).update();
    }

    public Optional<ScimToken> findByHash(String hash) {
        return jdbc.sql("SELECT * FROM scim_tokens WHERE token_hash = :h").param("h", hash).query(JdbcScimTokenRepository::map).optional();
    }

    public Optional<ScimToken> find(String organizationId, String id) {
        return jdbc.sql("SELECT * FROM scim_tokens WHERE organization_id = :org AND id = :id")
                .param("org", organizationId).param("id", id).query(JdbcScimTokenRepository::map).optional();
    }

    public List<ScimToken> list(String organizationId) {
        return jdbc.sql("SELECT * FROM scim_tokens WHERE organization_id = :org ORDER BY id")
                .param("org", organizationId).query(JdbcScimTokenRepository::map).list();
    }

    public boolean revoke(String organizationId, String id, Instant now) {
        return jdbc.sql("UPDATE scim_tokens SET revoked_at = :now WHERE organization_id = :org AND id = :id AND revoked_at IS NULL")
                .param("now", Sql.ts(now)).param("org", organizationId).param("id", id).update() == 1;
    }

    /** Records a use at most once per resolution window, so most requests only read. */
    public void touch(String id, Instant now, Instant notSince) {
        jdbc.sql("UPDATE scim_tokens SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :since)")
                .param("now", Sql.ts(now)).param("id", id).param("since", Sql.ts(notSince)).update();
    }

    private static ScimToken map(ResultSet rs, int row) throws SQLException {
        return new ScimToken(rs.getString("id"), rs.getString("organization_id"), rs.getString("name"), rs.getString("token_prefix"),
                rs.getString("created_by"), Sql.instant(rs, "created_at"), Sql.instant(rs, "last_used_at"), Sql.instant(rs, "revoked_at"));
    }
}
