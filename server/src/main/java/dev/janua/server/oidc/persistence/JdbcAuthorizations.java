package dev.janua.server.oidc.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of authorizations: a sealed blob per authorization plus the hashes of its token values for lookup. */
@Repository
public class JdbcAuthorizations {
    private final JdbcClient jdbc;

    public JdbcAuthorizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(String id, String clientId, String principalName, String stateHash, String codeHash, String accessTokenHash,
                      String refreshTokenHash, String idTokenHash, String deviceCodeHash, String userCodeHash, Instant expiresAt,
                      String sealed) {}

    /**
     * Updates a stored authorization; {@code false} when its row is gone (revoked or expired since it
     * was loaded), so a caller never brings a deleted authorization back.
     */
    public boolean update(Row r) {
        return jdbc.sql("""
                UPDATE oidc_authorizations SET registered_client_id = :client, principal_name = :principal, state_hash = :state,
                    code_hash = :code, access_token_hash = :access, refresh_token_hash = :refresh, id_token_hash = :idt,
                    device_code_hash = :device, user_code_hash = :user, expires_at = :expires, sealed = :sealed
                WHERE id = :id""")
                .params(params(r)).update() == 1;
    }

    /** Stores an authorization not stored before (the id is the authorization's own, a fresh UUID). */
    public void insert(Row r) {
        jdbc.sql("""
                INSERT INTO oidc_authorizations (id, registered_client_id, principal_name, state_hash, code_hash,
                    access_token_hash, refresh_token_hash, id_token_hash, device_code_hash, user_code_hash, expires_at, sealed)
                VALUES (:id, :client, :principal, :state, :code, :access, :refresh, :idt, :device, :user, :expires, :sealed)""")
                .params(params(r)).update();
    }

    private static java.util.Map<String, Object> params(Row r) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", r.id());
        p.put("client", r.clientId());
        p.put("principal", r.principalName());
        p.put("state", r.stateHash());
        p.put("code", r.codeHash());
        p.put("access", r.accessTokenHash());
        p.put("refresh", r.refreshTokenHash());
        p.put("idt", r.idTokenHash());
        p.put("device", r.deviceCodeHash());
        p.put("user", r.userCodeHash());
        p.put("expires", Sql.ts(r.expiresAt()));
        p.put("sealed", r.sealed());
        return p;
    }

    public void delete(String id) {
        jdbc.sql("DELETE FROM oidc_authorizations WHERE id = :id").param("id", id).update();
    }

    public Optional<String> sealedById(String id) {
        return jdbc.sql("SELECT sealed FROM oidc_authorizations WHERE id = :id").param("id", id).query(String.class).optional();
    }

    /** {@code column} is one of the fixed hash columns, never caller input. */
    public Optional<String> sealedByHash(String column, String hash) {
        if (!column.matches("(state|code|access_token|refresh_token|id_token|device_code|user_code)_hash")) throw new IllegalArgumentException(column);
        return jdbc.sql("SELECT sealed FROM oidc_authorizations WHERE " + column + " = :h").param("h", hash)
                .query(String.class).optional();
    }

    public Optional<String> sealedByAnyHash(String hash) {
        return jdbc.sql("""
                SELECT sealed FROM oidc_authorizations WHERE state_hash = :h OR code_hash = :h OR access_token_hash = :h
                    OR refresh_token_hash = :h OR id_token_hash = :h OR device_code_hash = :h OR user_code_hash = :h""")
                .param("h", hash).query(String.class).optional();
    }

    public int deleteExpired(Instant before, int limit) {
        return jdbc.sql("DELETE FROM oidc_authorizations WHERE id IN (SELECT id FROM oidc_authorizations WHERE expires_at < :t LIMIT :n)")
                .param("t", Sql.ts(before)).param("n", limit).update();
    }

    /** Every authorization (codes and tokens) one client holds for one person; the number deleted. */
    public int deleteFor(String clientId, String principal) {
        return jdbc.sql("DELETE FROM oidc_authorizations WHERE registered_client_id = :c AND principal_name = :p")
                .param("c", clientId).param("p", principal).update();
    }
}
