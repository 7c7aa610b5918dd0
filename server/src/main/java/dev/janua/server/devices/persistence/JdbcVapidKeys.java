package dev.janua.server.devices.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one stored VAPID key pair (private half sealed under the master key). */
@Repository
public class JdbcVapidKeys {
    public record Stored(String publicKey, String privateKeySealed) {}

    private final JdbcClient jdbc;

    public JdbcVapidKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find() {
        return jdbc.sql("SELECT public_key, private_key_sealed FROM push_vapid_keys WHERE id = 1")
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2))).optional();
    }

    /** False when another process stored its pair first; the caller then reads that one. */
    public boolean insert(Stored keys, Instant now) {
        try {
            jdbc.sql("INSERT INTO push_vapid_keys (id, public_key, private_key_sealed, created_at) VALUES (1, :pub, :priv, :at)")
                    .param("pub", keys.publicKey()).param("priv", keys.privateKeySealed()).param("at", Sql.ts(now)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
