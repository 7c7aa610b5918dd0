package dev.janua.server.passkeys.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of registered passkeys. Every query that reads or changes a user's passkey names the user. */
@Repository
public class JdbcPasskeyRepository {
    private final JdbcClient jdbc;

    public JdbcPasskeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record PasskeyRow(String id, String userId, String credentialId, String publicKeyCose, long signCount,
                             boolean uvInitialized, boolean backupEligible, boolean backedUp, Set<String> transports,
                             String aaguid, String attestationFormat, String name, Instant createdAt, Instant lastUsedAt) {}

    public void insert(PasskeyRow r) {
        jdbc.sql("""
                INSERT INTO passkeys (id, user_id, credential_id, public_key_cose, sign_count, uv_initialized, backup_eligible,
                                      backed_up, transports, aaguid, attestation_format, name, created_at)
                VALUES (:id, :u, :c, :k, :n, :uv, :be, :bs, :t, :a, :f, :name, :now)""")
                .param("id", r.id()).param("u", r.userId()).param("c", r.credentialId()).param("k", r.publicKeyCose())
                .param("n", r.signCount()).param("uv", r.uvInitialized()).param("be", r.backupEligible()).param("bs", r.backedUp())
                .param("t", String.join(" ", r.transports())).param("a", r.aaguid()).param("f", r.attestationFormat())
                .param("name", r.name()).param("now", Sql.ts(r.createdAt())).update();
    }

    public boolean credentialExists(String credentialId) {
        return jdbc.sql("SELECT COUNT(*) FROM passkeys WHERE credential_id = :c").param("c", credentialId).query(Long.class).single() > 0;
    }

    public Optional<PasskeyRow> findByCredentialId(String credentialId) {
        return jdbc.sql("SELECT * FROM passkeys WHERE credential_id = :c").param("c", credentialId).query(JdbcPasskeyRepository::row).optional();
    }

    public Optional<PasskeyRow> find(String userId, String id) {
        return jdbc.sql("SELECT * FROM passkeys WHERE user_id = :u AND id = :id").param("u", userId).param("id", id)
                .query(JdbcPasskeyRepository::row).optional();
    }

    public List<PasskeyRow> listByUser(String userId) {
        return jdbc.sql("SELECT * FROM passkeys WHERE user_id = :u ORDER BY created_at, id").param("u", userId)
                .query(JdbcPasskeyRepository::row).list();
    }

    /** Locks every passkey of the user until the transaction ends; returns how many there are. */
    public int lockUserPasskeys(String userId) {
        return jdbc.sql("SELECT id FROM passkeys WHERE user_id = :u FOR UPDATE").param("u", userId).query(String.class).list().size();
    }

    public long countByUser(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM passkeys WHERE user_id = :u").param("u", userId).query(Long.class).single();
    }

    /**
     * Records a use. The count only moves forward here ({@code sign_count <= :n}), so of two
     * parallel uses carrying the same counter only one changes it; a counter of zero stays zero.
     */
    public boolean recordUse(String id, long signCount, boolean backedUp, Instant now) {
        return jdbc.sql("""
                UPDATE passkeys SET sign_count = :n, backed_up = :bs, last_used_at = :now
                WHERE id = :id AND (sign_count < :n OR (sign_count = 0 AND :n = 0))""")
                .param("n", signCount).param("bs", backedUp).param("now", Sql.ts(now)).param("id", id).update() == 1;
    }

    public boolean rename(String userId, String id, String name) {
        return jdbc.sql("UPDATE passkeys SET name = :name WHERE user_id = :u AND id = :id")
                .param("name", name).param("u", userId).param("id", id).update() == 1;
    }

    public boolean delete(String userId, String id) {
        return jdbc.sql("DELETE FROM passkeys WHERE user_id = :u AND id = :id").param("u", userId).param("id", id).update() == 1;
    }

    private static PasskeyRow row(ResultSet rs, int i) throws SQLException {
        String t = rs.getString("transports");
        Set<String> transports = t == null || t.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(t.split(" ")));
        return new PasskeyRow(rs.getString("id"), rs.getString("user_id"), rs.getString("credential_id"), rs.getString("public_key_cose"),
                rs.getLong("sign_count"), rs.getBoolean("uv_initialized"), rs.getBoolean("backup_eligible"), rs.getBoolean("backed_up"),
                transports, rs.getString("aaguid"), rs.getString("attestation_format"), rs.getString("name"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "last_used_at"));
    }
}
