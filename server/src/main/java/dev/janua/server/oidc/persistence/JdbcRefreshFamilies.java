package dev.janua.server.oidc.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of spent (rotated-away) refresh tokens of the OpenID Provider, by SHA-256 of the token. */
@Repository
public class JdbcRefreshFamilies {
    private final JdbcClient jdbc;

    public JdbcRefreshFamilies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Live(String authorizationId, Instant expiresAt) {}

    public record Spent(String authorizationId, Instant spentAt) {}

    /** The authorization whose current refresh token has this hash. */
    public Optional<Live> live(String tokenHash) {
        return jdbc.sql("SELECT id, expires_at FROM oidc_authorizations WHERE refresh_token_hash = :h").param("h", tokenHash)
                .query((rs, n) -> new Live(rs.getString("id"), Sql.instant(rs, "expires_at"))).optional();
    }

    /** Claims the token: throws {@code DuplicateKeyException} when it was already spent (or a parallel redemption won). */
    public void markSpent(String tokenHash, String authorizationId, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO oidc_spent_refresh_tokens (token_hash, authorization_id, spent_at, expires_at) VALUES (:h, :a, :now, :exp)")
                .param("h", tokenHash).param("a", authorizationId).param("now", Sql.ts(now)).param("exp", Sql.ts(expiresAt))
                .update();
    }

    public void unspend(String tokenHash) {
        jdbc.sql("DELETE FROM oidc_spent_refresh_tokens WHERE token_hash = :h").param("h", tokenHash).update();
    }

    public Optional<Spent> spent(String tokenHash) {
        return jdbc.sql("SELECT authorization_id, spent_at FROM oidc_spent_refresh_tokens WHERE token_hash = :h").param("h", tokenHash)
                .query((rs, n) -> new Spent(rs.getString("authorization_id"), Sql.instant(rs, "spent_at"))).optional();
    }

    public record Owner(String clientId, String principalName) {}

    /** Revokes the family: its authorization row goes, so none of its tokens is found again. Empty when already gone. */
    public Optional<Owner> deleteAuthorization(String authorizationId) {
        Optional<Owner> owner = jdbc.sql("SELECT registered_client_id, principal_name FROM oidc_authorizations WHERE id = :id")
                .param("id", authorizationId)
                .query((rs, n) -> new Owner(rs.getString("registered_client_id"), rs.getString("principal_name"))).optional();
        if (owner.isEmpty()) return owner;
        return jdbc.sql("DELETE FROM oidc_authorizations WHERE id = :id").param("id", authorizationId).update() == 1
                ? owner : Optional.empty();
    }

    public int deleteExpired(Instant before, int limit) {
        return jdbc.sql("""
                DELETE FROM oidc_spent_refresh_tokens WHERE token_hash IN
                    (SELECT token_hash FROM oidc_spent_refresh_tokens WHERE expires_at < :t LIMIT :n)""")
                .param("t", Sql.ts(before)).param("n", limit).update();
    }
}
