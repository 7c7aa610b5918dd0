package dev.janua.server.tokens.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for signing keys; private halves are stored sealed by the master key. */
@Repository
public class JdbcSigningKeyStore {
    private final JdbcClient jdbc;

    public JdbcSigningKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredKey(String kid, String algorithm, String publicJwk, String sealedPrivateJwk,
                            Instant createdAt, Instant retiredAt, Instant expiresAt) {}

    /** Keys still published: the active one and retired ones inside their overlap window. */
    public List<StoredKey> published(Instant now) {
        return jdbc.sql("SELECT * FROM signing_keys WHERE expires_at IS NULL OR expires_at > :now ORDER BY created_at DESC")
                .param("now", Sql.ts(now))
                .query((rs, i) -> new StoredKey(rs.getString("kid"), rs.getString("algorithm"), rs.getString("public_jwk"),
                        rs.getString("private_jwk_enc"), Sql.instant(rs, "created_at"), Sql.instant(rs, "retired_at"),
                        Sql.instant(rs, "expires_at")))
                .list();
    }

    public void insert(String kid, String algorithm, String publicJwk, String sealedPrivate, Instant now) {
        jdbc.sql("INSERT INTO signing_keys (kid, algorithm, public_jwk, private_jwk_enc, created_at) VALUES (:kid, :alg, :pub, :priv, :now)")
                .param("kid", kid).param("alg", algorithm).param("pub", publicJwk).param("priv", sealedPrivate)
                .param("now", Sql.ts(now)).update();
    }

    /** Retires every active key except {@code keepKid}; they stay published until {@code expiresAt}. */
    public void retireAllExcept(String keepKid, Instant now, Instant expiresAt) {
        jdbc.sql("UPDATE signing_keys SET retired_at = :now, expires_at = :exp WHERE retired_at IS NULL AND kid <> :kid")
                .param("now", Sql.ts(now)).param("exp", Sql.ts(expiresAt)).param("kid", keepKid).update();
    }
}
