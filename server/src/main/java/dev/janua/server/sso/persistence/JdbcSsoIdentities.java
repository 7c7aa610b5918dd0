package dev.janua.server.sso.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code sso_identities}: which IdP subject is which Janua user, per organization. */
@Repository
public class JdbcSsoIdentities {
    private final JdbcClient jdbc;

    public JdbcSsoIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> userFor(String organizationId, String subject) {
        return jdbc.sql("SELECT user_id FROM sso_identities WHERE organization_id = :org AND subject = :s")
                .param("org", organizationId).param("s", subject).query(String.class).optional();
    }

    /** Links (or re-stamps) the subject to the user. */
    public void link(String organizationId, String subject, String userId, Instant now) {
        int n = jdbc.sql("UPDATE sso_identities SET user_id = :u, last_sign_in_at = :now WHERE organization_id = :org AND subject = :s")
                .param("org", organizationId).param("s", subject).param("u", userId).param("now", Sql.ts(now)).update();
        if (n == 0) {
            jdbc.sql("""
                    INSERT INTO sso_identities (organization_id, subject, user_id, created_at, last_sign_in_at)
                    VALUES (:org, :s, :u, :now, :now)""")
                    .param("org", organizationId).param("s", subject).param("u", userId).param("now", Sql.ts(now)).update();
        }
    }

    /** One user's links, for the console's user page: which organization's IdP knows them, under which subject. */
    public record Linked(String organizationId, String subject, Instant createdAt, Instant lastSignInAt) {}

    public List<Linked> ofUser(String userId) {
        return jdbc.sql("SELECT organization_id, subject, created_at, last_sign_in_at FROM sso_identities WHERE user_id = :u "
                        + "ORDER BY created_at")
                .param("u", userId).query((rs, i) -> new Linked(rs.getString("organization_id"), rs.getString("subject"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "last_sign_in_at"))).list();
    }
}
