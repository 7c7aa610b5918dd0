package dev.janua.server.sso.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The database side of SAML's one-time values: AuthnRequests in flight (their ids are what
 * {@code InResponseTo} must name) and the assertion ids already accepted (the replay cache). Both
 * live in the database, so a response is accepted once across every node.
 */
@Repository
public class JdbcSamlExchanges {
    private final JdbcClient jdbc;

    public JdbcSamlExchanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record PendingRequest(String id, String organizationId, String relayState, Instant expiresAt) {}

    public void saveRequest(PendingRequest r, Instant now) {
        jdbc.sql("""
                INSERT INTO saml_requests (id, organization_id, relay_state, created_at, expires_at)
                VALUES (:id, :org, :relay, :now, :exp)""")
                .param("id", r.id()).param("org", r.organizationId()).param("relay", r.relayState())
                .param("now", Sql.ts(now)).param("exp", Sql.ts(r.expiresAt())).update();
    }

    /** Deletes and returns the request: of two responses naming it, only one finds it. */
    public Optional<PendingRequest> takeRequest(String id, String organizationId, Instant now) {
        Optional<PendingRequest> found = jdbc.sql("SELECT * FROM saml_requests WHERE id = :id AND organization_id = :org FOR UPDATE")
                .param("id", id).param("org", organizationId)
                .query((rs, n) -> new PendingRequest(rs.getString("id"), rs.getString("organization_id"), rs.getString("relay_state"),
                        Sql.instant(rs, "expires_at")))
                .optional();
        if (found.isEmpty()) return found;
        int deleted = jdbc.sql("DELETE FROM saml_requests WHERE id = :id").param("id", id).update();
        return deleted == 1 && found.get().expiresAt().isAfter(now) ? found : Optional.empty();
    }

    /** Records an accepted assertion id; false when it was accepted before (a replay). */
    public boolean firstUse(String assertionId, String organizationId, Instant keepUntil) {
        try {
            jdbc.sql("INSERT INTO saml_assertions_seen (assertion_id, organization_id, expires_at) VALUES (:id, :org, :exp)")
                    .param("id", assertionId).param("org", organizationId).param("exp", Sql.ts(keepUntil)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public int purgeExpired(Instant now) {
        int n = jdbc.sql("DELETE FROM saml_requests WHERE expires_at < :now").param("now", Sql.ts(now)).update();
        return n + jdbc.sql("DELETE FROM saml_assertions_seen WHERE expires_at < :now").param("now", Sql.ts(now)).update();
    }
}
