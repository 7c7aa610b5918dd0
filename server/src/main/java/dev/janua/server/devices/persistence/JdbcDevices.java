package dev.janua.server.devices.persistence;

import dev.janua.server.devices.domain.Device;
import dev.janua.server.platform.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the devices table. Every read is scoped to the owner, except the sender's look-up by Janua id. */
@Repository
public class JdbcDevices {
    private final JdbcClient jdbc;

    public JdbcDevices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Device d, String tokenHash) {
        jdbc.sql("""
                INSERT INTO devices (id, user_id, device_id, device_type, platform, platform_version, app_version, name, push_provider,
                    push_token, push_token_hash, biometric_capabilities, created_at, updated_at)
                VALUES (:id, :user, :deviceId, :type, :platform, :pv, :av, :name, :provider, :token, :hash, :bio, :at, :at)""")
                .param("id", d.id()).param("user", d.userId()).param("deviceId", d.deviceId()).param("type", d.deviceType())
                .param("platform", d.platform()).param("pv", d.platformVersion()).param("av", d.appVersion()).param("name", d.name())
                .param("provider", d.pushProvider()).param("token", d.pushToken()).param("hash", tokenHash)
                .param("bio", String.join(",", d.biometricCapabilities())).param("at", Sql.ts(d.createdAt())).update();
    }

    public void update(Device d, String tokenHash) {
        jdbc.sql("""
                UPDATE devices SET device_type = :type, platform = :platform, platform_version = :pv, app_version = :av, name = :name,
                    push_provider = :provider, push_token = :token, push_token_hash = :hash,
                    push_token_invalidated_at = :invalidated, biometric_capabilities = :bio, updated_at = :at
                WHERE id = :id AND user_id = :user""")
                .param("type", d.deviceType()).param("platform", d.platform()).param("pv", d.platformVersion())
                .param("av", d.appVersion()).param("name", d.name()).param("provider", d.pushProvider()).param("token", d.pushToken())
                .param("hash", tokenHash).param("invalidated", Sql.ts(d.pushTokenInvalidatedAt()))
                .param("bio", String.join(",", d.biometricCapabilities())).param("at", Sql.ts(d.updatedAt()))
                .param("id", d.id()).param("user", d.userId()).update();
    }

    /** A device (Janua id or the app's {@code deviceId}) of this user. */
    public Optional<Device> find(String userId, String idOrDeviceId) {
        return jdbc.sql("SELECT * FROM devices WHERE user_id = :user AND (id = :ref OR device_id = :ref)")
                .param("user", userId).param("ref", idOrDeviceId).query(JdbcDevices::map).optional();
    }

    /** For the sender: the device a queued message names, whoever owns it. */
    public Optional<Device> findById(String id) {
        return jdbc.sql("SELECT * FROM devices WHERE id = :id").param("id", id).query(JdbcDevices::map).optional();
    }

    /** The user's devices, oldest first, after the cursor (a Janua id). */
    public List<Device> list(String userId, String after, int limit) {
        return jdbc.sql("SELECT * FROM devices WHERE user_id = :user AND (:after = '' OR id > :after) ORDER BY id LIMIT :n")
                .param("user", userId).param("after", after == null ? "" : after).param("n", limit).query(JdbcDevices::map).list();
    }

    public List<Device> withPushToken(String userId) {
        return jdbc.sql("SELECT * FROM devices WHERE user_id = :user AND push_token IS NOT NULL ORDER BY id LIMIT 100")
                .param("user", userId).query(JdbcDevices::map).list();
    }

    public long count(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM devices WHERE user_id = :user").param("user", userId).query(Long.class).single();
    }

    public boolean delete(String userId, String id) {
        return jdbc.sql("DELETE FROM devices WHERE id = :id AND user_id = :user").param("id", id).param("user", userId).update() == 1;
    }

    /**
     * A token belongs to one installation: when it is registered again (the phone changed hands),
     * other devices holding it lose it, so one user's notifications never reach another's screen.
     * Returns the devices that lost it.
     */
    public List<Device> takeTokenFromOthers(String tokenHash, String keepId, Instant now) {
        List<Device> holders = jdbc.sql("SELECT * FROM devices WHERE push_token_hash = :hash AND id <> :keep")
                .param("hash", tokenHash).param("keep", keepId).query(JdbcDevices::map).list();
        if (!holders.isEmpty()) {
            jdbc.sql("UPDATE devices SET push_token = NULL, push_token_hash = NULL, updated_at = :now WHERE push_token_hash = :hash AND id <> :keep")
                    .param("now", Sql.ts(now)).param("hash", tokenHash).param("keep", keepId).update();
        }
        return holders;
    }

    /** The push service refused this token for good; only if the device still holds that very token. */
    public boolean invalidateToken(String id, String tokenHash, Instant now) {
        return jdbc.sql("""
                UPDATE devices SET push_token = NULL, push_token_hash = NULL, push_token_invalidated_at = :now, updated_at = :now
                WHERE id = :id AND push_token_hash = :hash""")
                .param("now", Sql.ts(now)).param("id", id).param("hash", tokenHash).update() == 1;
    }

    static Device map(ResultSet rs, int i) throws SQLException {
        String bio = rs.getString("biometric_capabilities");
        return new Device(rs.getString("id"), rs.getString("user_id"), rs.getString("device_id"), rs.getString("device_type"),
                rs.getString("platform"), rs.getString("platform_version"), rs.getString("app_version"), rs.getString("name"),
                rs.getString("push_provider"), rs.getString("push_token"), Sql.instant(rs, "push_token_invalidated_at"),
                bio == null || bio.isEmpty() ? List.of() : Arrays.asList(bio.split(",")), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
