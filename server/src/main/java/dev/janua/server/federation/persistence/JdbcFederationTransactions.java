package dev.janua.server.federation.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code federation_transactions}. */
@Repository
public class JdbcFederationTransactions {
    private final JdbcClient jdbc;

    public JdbcFederationTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(String id, String stateHash, String bindingHash, String kind, String connectionId, String organizationId,
                      String userId, String nonce, String codeVerifierSealed, String redirectUri, String returnTo, String clientState,
                      String data, Instant createdAt, Instant expiresAt, Instant consumedAt) {}

    public void insert(Row r) {
        jdbc.sql("""
                INSERT INTO federation_transactions (id, state_hash, binding_hash, kind, connection_id, organization_id, user_id,
                    nonce, code_verifier, redirect_uri, return_to, client_state, data, created_at, expires_at)
                VALUES (:id, :state, :binding, :kind, :conn, :org, :user, :nonce, :verifier, :redirect, :ret, :cstate, :data, :at, :exp)""")
                .param("id", r.id()).param("state", r.stateHash()).param("binding", r.bindingHash()).param("kind", r.kind())
                .param("conn", r.connectionId()).param("org", r.organizationId()).param("user", r.userId()).param("nonce", r.nonce())
                .param("verifier", r.codeVerifierSealed()).param("redirect", r.redirectUri()).param("ret", r.returnTo())
                .param("cstate", r.clientState()).param("data", r.data()).param("at", Sql.ts(r.createdAt()))
                .param("exp", Sql.ts(r.expiresAt())).update();
    }

    public Optional<Row> findByState(String stateHash) {
        return jdbc.sql("SELECT * FROM federation_transactions WHERE state_hash = :s").param("s", stateHash)
                .query((rs, n) -> new Row(rs.getString("id"), rs.getString("state_hash"), rs.getString("binding_hash"),
                        rs.getString("kind"), rs.getString("connection_id"), rs.getString("organization_id"), rs.getString("user_id"),
                        rs.getString("nonce"), rs.getString("code_verifier"), rs.getString("redirect_uri"), rs.getString("return_to"),
                        rs.getString("client_state"), rs.getString("data"), Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "expires_at"), Sql.instant(rs, "consumed_at")))
                .optional();
    }

    /** Spends the row once: true for exactly one of any number of concurrent callers. */
    public boolean consume(String id, Instant now) {
        return jdbc.sql("UPDATE federation_transactions SET consumed_at = :now WHERE id = :id AND consumed_at IS NULL AND expires_at > :now")
                .param("id", id).param("now", Sql.ts(now)).update() == 1;
    }

    public void updateData(String id, String data) {
        jdbc.sql("UPDATE federation_transactions SET data = :d WHERE id = :id AND consumed_at IS NULL").param("d", data).param("id", id).update();
    }

    /** Deletes rows expired before {@code cutoff}, at most {@code batch}. */
    public int deleteExpired(Instant cutoff, int batch) {
        return jdbc.sql("""
                DELETE FROM federation_transactions WHERE id IN
                    (SELECT id FROM federation_transactions WHERE expires_at < :cutoff ORDER BY id LIMIT :n)""")
                .param("cutoff", Sql.ts(cutoff)).param("n", batch).update();
    }
}
