package dev.janua.server.oidc.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of consents: which authorities (scopes) a person granted an application. */
@Repository
public class JdbcConsents {
    private final JdbcClient jdbc;

    public JdbcConsents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String clientId, String principal, Set<String> authorities, Instant now) {
        String joined = String.join(" ", authorities);
        int n = jdbc.sql("UPDATE oidc_consents SET authorities = :a, updated_at = :now WHERE registered_client_id = :c AND principal_name = :p")
                .param("a", joined).param("now", Sql.ts(now)).param("c", clientId).param("p", principal).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO oidc_consents (registered_client_id, principal_name, authorities, updated_at) VALUES (:c, :p, :a, :now)")
                    .param("a", joined).param("now", Sql.ts(now)).param("c", clientId).param("p", principal).update();
        }
    }

    public boolean delete(String clientId, String principal) {
        return jdbc.sql("DELETE FROM oidc_consents WHERE registered_client_id = :c AND principal_name = :p")
                .param("c", clientId).param("p", principal).update() == 1;
    }

    public Optional<Set<String>> find(String clientId, String principal) {
        return jdbc.sql("SELECT authorities FROM oidc_consents WHERE registered_client_id = :c AND principal_name = :p")
                .param("c", clientId).param("p", principal).query(String.class).optional()
                .map(s -> s.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(s.split(" "))));
    }

    /** One person's consents with the application's name, newest first. */
    public record Granted(String applicationId, String name, String authorities, java.time.Instant updatedAt) {}

    public java.util.List<Granted> ofPrincipal(String principal) {
        return jdbc.sql("SELECT c.registered_client_id, a.name, c.authorities, c.updated_at FROM oidc_consents c "
                        + "JOIN oidc_applications a ON a.id = c.registered_client_id WHERE c.principal_name = :p "
                        + "ORDER BY c.updated_at DESC LIMIT 200")
                .param("p", principal)
                .query((rs, i) -> new Granted(rs.getString(1), rs.getString(2), rs.getString(3), Sql.instant(rs, "updated_at")))
                .list();
    }
}
