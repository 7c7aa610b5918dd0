package dev.janua.server.apikeys.persistence;

import dev.janua.server.apikeys.ApiKey;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.persistence.Filters;
import dev.janua.server.platform.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of API keys. Scope is explicit in every query: an organization id, or platform (NULL). */
@Repository
public class JdbcApiKeyRepository {
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcApiKeyRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(ApiKey k, String hash) {
        jdbc.sql("""
                INSERT INTO api_keys (id, organization_id, name, key_prefix, key_hash, permissions, created_by, created_at, expires_at)
                VALUES (:id, :org, :name, :prefix, :hash, :permissions, :by, :now, :expires)""")
                .param("id", k.id()).param("org", k.organizationId()).param("name", k.name()).param("prefix", k.keyPrefix())
                .param("hash", hash).param("permissions", json.writeValueAsString(k.permissions()))
                .param("by", k.createdBy()).param("now", Sql.ts(k.createdAt())).param("expires", Sql.ts(k.expiresAt()))
                .update();
    }

    public Optional<ApiKey> findByHash(String hash) {
        return jdbc.sql("SELECT * FROM api_keys WHERE key_hash = :h").param("h", hash).query(this::map).optional();
    }

    /** {@code organizationId} null = a platform key. */
    public Optional<ApiKey> find(String organizationId, String id) {
        Filters f = scope(organizationId).where("id = :id", "id", id);
        return jdbc.sql("SELECT * FROM api_keys" + f.sql()).params(f.params()).query(this::map).optional();
    }

    public List<ApiKey> list(String organizationId, PageRequest page) {
        Filters f = scope(organizationId).whereIf("id > :after", "after", page.after());
        return jdbc.sql("SELECT * FROM api_keys" + f.sql() + " ORDER BY id LIMIT :limit OFFSET :offset")
                .params(f.params()).param("limit", page.fetchSize()).param("offset", page.offset()).query(this::map).list();
    }

    public long count(String organizationId) {
        Filters f = scope(organizationId);
        return jdbc.sql("SELECT COUNT(*) FROM api_keys" + f.sql()).params(f.params()).query(Long.class).single();
    }

    public boolean revoke(String id, String actorId, Instant now) {
        return jdbc.sql("UPDATE api_keys SET revoked_at = :now, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
                .param("now", Sql.ts(now)).param("by", actorId).param("id", id).update() == 1;
    }

    /** Records a use, at most once per {@code resolution}, so the hot path stays read-only. */
    public void touch(String id, Instant now, Instant notSince) {
        jdbc.sql("UPDATE api_keys SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :since)")
                .param("now", Sql.ts(now)).param("id", id).param("since", Sql.ts(notSince)).update();
    }

    private static Filters scope(String organizationId) {
        return organizationId == null ? new Filters().where("organization_id IS NULL")
                : new Filters().where("organization_id = :org", "org", organizationId);
    }

    private ApiKey map(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("organization_id"), rs.getString("name"), rs.getString("key_prefix"),
                json.readValue(rs.getString("permissions"), LIST), rs.getString("created_by"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "expires_at"), Sql.instant(rs, "last_used_at"), Sql.instant(rs, "revoked_at"),
                rs.getString("revoked_by"));
    }
}
