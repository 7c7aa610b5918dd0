package dev.janua.server.social.persistence;

import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.social.domain.SocialIdentity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code social_identities}. */
@Repository
public class JdbcSocialIdentities {
    private final JdbcClient jdbc;

    public JdbcSocialIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SocialIdentity i) {
        jdbc.sql("""
                INSERT INTO social_identities (id, user_id, provider, subject, email, email_verified, display_name, created_at, last_used_at)
                VALUES (:id, :user, :provider, :subject, :email, :verified, :name, :at, :used)""")
                .param("id", i.id()).param("user", i.userId()).param("provider", i.provider()).param("subject", i.subject())
                .param("email", i.email()).param("verified", i.emailVerified()).param("name", i.displayName())
                .param("at", Sql.ts(i.createdAt())).param("used", Sql.ts(i.lastUsedAt())).update();
    }

    public Optional<SocialIdentity> find(String provider, String subject) {
        return jdbc.sql("SELECT * FROM social_identities WHERE provider = :p AND subject = :s").param("p", provider).param("s", subject)
                .query(JdbcSocialIdentities::map).optional();
    }

    public List<SocialIdentity> ofUser(String userId) {
        return jdbc.sql("SELECT * FROM social_identities WHERE user_id = :u ORDER BY id").param("u", userId)
                .query(JdbcSocialIdentities::map).list();
    }

    /** The user's identities, their row locked: unlinking counts the remaining ways in under this lock. */
    public List<SocialIdentity> ofUserForUpdate(String userId) {
        return jdbc.sql("SELECT * FROM social_identities WHERE user_id = :u ORDER BY id FOR UPDATE").param("u", userId)
                .query(JdbcSocialIdentities::map).list();
    }

    public void touch(String id, String email, boolean verified, String displayName, Instant now) {
        jdbc.sql("UPDATE social_identities SET email = :e, email_verified = :v, display_name = :n, last_used_at = :now WHERE id = :id")
                .param("e", email).param("v", verified).param("n", displayName).param("now", Sql.ts(now)).param("id", id).update();
    }

    public boolean delete(String userId, String id) {
        return jdbc.sql("DELETE FROM social_identities WHERE id = :id AND user_id = :u").param("id", id).param("u", userId).update() == 1;
    }

    private static SocialIdentity map(ResultSet rs, int n) throws SQLException {
        return new SocialIdentity(rs.getString("id"), rs.getString("user_id"), rs.getString("provider"), rs.getString("subject"),
                rs.getString("email"), rs.getBoolean("email_verified"), rs.getString("display_name"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "last_used_at"));
    }
}
