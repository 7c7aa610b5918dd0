package dev.janua.server.users.persistence;

import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.users.NewUser;
import dev.janua.server.users.PasswordChecks;
import dev.janua.server.users.ProfileChange;
import dev.janua.server.users.User;
import dev.janua.server.users.UserStatus;
import dev.janua.server.users.domain.Credentials;
import dev.janua.server.users.domain.EmailAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import dev.janua.server.platform.cache.Invalidations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** All SQL of the users module. */
@Repository
public class JdbcUserRepository {
    /** Announced when a user is created or deleted: what counts every user (the admin list's total) is out of date. */
    public static final String ALL_USERS = "users:all";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Invalidations invalidations;

    public JdbcUserRepository(JdbcClient jdbc, JsonMapper json, Clock clock, Invalidations invalidations) {
        this.invalidations = invalidations;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public Optional<User> findById(String id) {
        return jdbc.sql("SELECT * FROM users WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM users WHERE email_normalized = :e")
                .param("e", EmailAddress.normalize(email)).query(this::map).optional();
    }

    public boolean usernameTaken(String username, String exceptUserId) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE username = :u AND id <> :id")
                .param("u", username).param("id", exceptUserId == null ? "" : exceptUserId)
                .query(Long.class).single() > 0;
    }

    public void insert(String id, NewUser u, Instant now) {
        invalidations.invalidate(ALL_USERS);
        jdbc.sql("""
                INSERT INTO users (id, email, email_normalized, username, password_hash, first_name, last_name, metadata,
                                   email_verified, email_verified_at, is_admin, status, created_at, updated_at, password_changed_at)
                VALUES (:id, :email, :norm, :username, :hash, :first, :last, :meta, :verified, :verifiedAt, :admin, 'active', :now, :now, :now)""")
                .param("id", id).param("email", u.email()).param("norm", EmailAddress.normalize(u.email()))
                .param("username", u.username()).param("hash", u.passwordHash())
                .param("first", u.firstName()).param("last", u.lastName())
                .param("meta", u.metadata() == null ? null : json.writeValueAsString(u.metadata()))
                .param("verified", u.emailVerified()).param("verifiedAt", u.emailVerified() ? Sql.ts(now) : null)
                .param("admin", u.admin()).param("now", Sql.ts(now))
                .update();
    }

    public void updateProfile(String id, ProfileChange c, Instant now) {
        invalidations.invalidate(id);
        jdbc.sql("""
                UPDATE users SET
                  first_name = COALESCE(:first, first_name), last_name = COALESCE(:last, last_name),
                  username = COALESCE(:username, username),
                  phone_verified = CASE WHEN CAST(:phone AS VARCHAR(32)) IS NOT NULL
                                         AND (phone_number IS NULL OR phone_number <> CAST(:phone AS VARCHAR(32)))
                                        THEN FALSE ELSE phone_verified END,
                  phone_number = COALESCE(:phone, phone_number),
                  profile_image_url = COALESCE(:image, profile_image_url), bio = COALESCE(:bio, bio),
                  timezone = COALESCE(:tz, timezone), locale = COALESCE(:locale, locale),
                  metadata = COALESCE(:meta, metadata), updated_at = :now
                WHERE id = :id""")
                .param("first", c.firstName()).param("last", c.lastName()).param("username", c.username())
                .param("phone", c.phoneNumber()).param("image", c.profileImageUrl()).param("bio", c.bio())
                .param("tz", c.timezone()).param("locale", c.locale())
                .param("meta", c.metadata() == null ? null : json.writeValueAsString(c.metadata()))
                .param("now", Sql.ts(now)).param("id", id)
                .update();
    }

    /** A new password also clears lockout: a reset is the documented way out of a hard lock. */
    public void updatePasswordHash(String id, String hash, Instant now) {
        invalidations.invalidate(id);
        jdbc.sql("""
                UPDATE users SET password_hash = :hash, password_changed_at = :now, updated_at = :now,
                                 failed_attempts = 0, locked_until = NULL
                WHERE id = :id""")
                .param("hash", hash).param("now", Sql.ts(now)).param("id", id).update();
    }

    /** Compare-and-set, so a re-hash never overwrites a password changed in between. */
    public void replacePasswordHash(String id, String oldHash, String newHash) {
        invalidations.invalidate(id);
        jdbc.sql("UPDATE users SET password_hash = :n WHERE id = :id AND password_hash = :o")
                .param("n", newHash).param("id", id).param("o", oldHash).update();
    }

    public boolean markEmailVerified(String id, Instant now) {
        invalidations.invalidate(id);
        return jdbc.sql("UPDATE users SET email_verified = TRUE, email_verified_at = :now, updated_at = :now WHERE id = :id AND email_verified = FALSE")
                .param("now", Sql.ts(now)).param("id", id).update() == 1;
    }

    public void delete(String id) {
        invalidations.invalidate(id);
        invalidations.invalidate(ALL_USERS);
        jdbc.sql("DELETE FROM users WHERE id = :id").param("id", id).update();
    }

    /**
     * One statement, so parallel failures are counted exactly: the row lock serialises them and
     * the WHERE clause, re-checked after the lock, stops counting once the account is locked.
     */
    public boolean incrementFailedAttempts(String id, Instant now, int threshold, Instant lockUntil, int hardThreshold) {
        return jdbc.sql("""
                UPDATE users SET failed_attempts = failed_attempts + 1,
                  locked_until = CASE WHEN failed_attempts + 1 >= :hard THEN :forever
                                      WHEN MOD(failed_attempts + 1, :threshold) = 0 THEN :until
                                      ELSE locked_until END
                WHERE id = :id AND (locked_until IS NULL OR locked_until <= :now)""")
                .param("hard", hardThreshold).param("forever", Sql.ts(PasswordChecks.LOCKED_INDEFINITELY))
                .param("threshold", threshold).param("until", Sql.ts(lockUntil))
                .param("id", id).param("now", Sql.ts(now))
                .update() == 1;
    }

    public void clearFailedAttempts(String id) {
        jdbc.sql("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = :id AND (failed_attempts <> 0 OR locked_until IS NOT NULL)")
                .param("id", id).update();
    }

    public void recordSuccessfulSignIn(String id, Instant now) {
        invalidations.invalidate(id);
        jdbc.sql("UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = :now WHERE id = :id")
                .param("now", Sql.ts(now)).param("id", id).update();
    }

    public void setMfaEnabled(String id, boolean enabled, Instant now) {
        invalidations.invalidate(id);
        jdbc.sql("UPDATE users SET mfa_enabled = :e, updated_at = :now WHERE id = :id")
                .param("e", enabled).param("now", Sql.ts(now)).param("id", id).update();
    }

    public void setVerifiedPhone(String id, String phone, Instant now) {
        invalidations.invalidate(id);
        jdbc.sql("UPDATE users SET phone_number = :p, phone_verified = TRUE, updated_at = :now WHERE id = :id")
                .param("p", phone).param("now", Sql.ts(now)).param("id", id).update();
    }

    /** The password hash and lockout counters: for the password checks only. */
    public Optional<Credentials> findCredentials(String id) {
        return jdbc.sql("SELECT id, password_hash, failed_attempts, locked_until FROM users WHERE id = :id").param("id", id)
                .query((rs, i) -> new Credentials(rs.getString("id"), rs.getString("password_hash"), rs.getInt("failed_attempts"),
                        Sql.instant(rs, "locked_until")))
                .optional();
    }

    User map(ResultSet rs, int row) throws SQLException {
        String meta = rs.getString("metadata");
        return new User(
                rs.getString("id"), rs.getString("email"), rs.getString("username"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("phone_number"),
                rs.getBoolean("phone_verified"), rs.getString("profile_image_url"), rs.getString("bio"),
                rs.getString("timezone"), rs.getString("locale"),
                meta == null ? null : json.readValue(meta, MAP),
                rs.getBoolean("email_verified"), rs.getBoolean("mfa_enabled"), rs.getBoolean("is_admin"),
                UserStatus.effective(rs.getString("status"), Sql.instant(rs, "suspended_until"), clock.instant()),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
                Sql.instant(rs, "last_sign_in_at"));
    }
}
