package dev.janua.server.webhooks.persistence;

import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.webhooks.domain.Endpoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of webhook endpoints. */
@Repository
public class JdbcWebhookEndpoints {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcWebhookEndpoints(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Endpoint e) {
        jdbc.sql("""
                INSERT INTO webhook_endpoints (id, url, description, events, organization_id, secret_enc, active,
                    starts_after_seq, created_by, created_at, updated_at)
                VALUES (:id, :url, :d, :events, :org, :secret, :active,
                    (SELECT COALESCE(MAX(seq), 0) FROM domain_events), :by, :at, :at)""")
                .param("id", e.id()).param("url", e.url()).param("d", e.description())
                .param("events", json.writeValueAsString(e.events())).param("org", e.organizationId())
                .param("secret", e.secretSealed()).param("active", e.active()).param("by", e.createdBy())
                .param("at", Sql.ts(e.createdAt())).update();
    }

    public Optional<Endpoint> find(String id) {
        return jdbc.sql("SELECT * FROM webhook_endpoints WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public List<Endpoint> listActive() {
        return jdbc.sql("SELECT * FROM webhook_endpoints WHERE active = TRUE").query(this::map).list();
    }

    /** Ordered by id (creation time); {@code after} is the cursor. */
    public List<Endpoint> list(String after, int offset, int limit) {
        return jdbc.sql("SELECT * FROM webhook_endpoints WHERE id > :after ORDER BY id LIMIT :n OFFSET :o")
                .param("after", after == null ? "" : after).param("n", limit).param("o", offset).query(this::map).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_endpoints").query(Long.class).single();
    }

    public void update(Endpoint e, Instant now) {
        jdbc.sql("""
                UPDATE webhook_endpoints SET url = :url, description = :d, events = :events, organization_id = :org,
                    active = :active, disabled_reason = :reason, updated_at = :now WHERE id = :id""")
                .param("url", e.url()).param("d", e.description()).param("events", json.writeValueAsString(e.events()))
                .param("org", e.organizationId()).param("active", e.active()).param("reason", e.disabledReason())
                .param("now", Sql.ts(now)).param("id", e.id()).update();
    }

    public void rotateSecret(String id, String sealed, String previousSealed, Instant previousUntil, Instant now) {
        jdbc.sql("""
                UPDATE webhook_endpoints SET secret_enc = :s, previous_secret_enc = :p, previous_secret_until = :until,
                    updated_at = :now WHERE id = :id""")
                .param("s", sealed).param("p", previousSealed).param("until", Sql.ts(previousUntil))
                .param("now", Sql.ts(now)).param("id", id).update();
    }

    /** Disables only an endpoint that is still active, so one 410 disables it once. */
    public boolean disable(String id, String reason, Instant now) {
        return jdbc.sql("UPDATE webhook_endpoints SET active = FALSE, disabled_reason = :r, updated_at = :now WHERE id = :id AND active = TRUE")
                .param("r", reason).param("now", Sql.ts(now)).param("id", id).update() == 1;
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM webhook_endpoints WHERE id = :id").param("id", id).update() == 1;
    }

    private Endpoint map(ResultSet rs, int i) throws SQLException {
        return new Endpoint(rs.getString("id"), rs.getString("url"), rs.getString("description"),
                json.readValue(rs.getString("events"), STRINGS), rs.getString("organization_id"), rs.getString("secret_enc"),
                rs.getString("previous_secret_enc"), Sql.instant(rs, "previous_secret_until"), rs.getBoolean("active"),
                rs.getString("disabled_reason"), rs.getLong("starts_after_seq"), rs.getString("created_by"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
