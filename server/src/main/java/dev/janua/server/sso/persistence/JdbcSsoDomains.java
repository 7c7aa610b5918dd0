package dev.janua.server.sso.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code sso_domains}: the email domains organizations claim, and which one verified each. */
@Repository
public class JdbcSsoDomains {
    private final JdbcClient jdbc;

    public JdbcSsoDomains(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record DomainClaim(String organizationId, String domain, String verificationToken, Instant verifiedAt, Instant createdAt) {
        public boolean verified() {
            return verifiedAt != null;
        }
    }

    public List<DomainClaim> list(String organizationId) {
        return jdbc.sql("SELECT * FROM sso_domains WHERE organization_id = :org ORDER BY domain").param("org", organizationId)
                .query(this::map).list();
    }

    public Optional<DomainClaim> find(String organizationId, String domain) {
        return jdbc.sql("SELECT * FROM sso_domains WHERE organization_id = :org AND domain = :d")
                .param("org", organizationId).param("d", domain).query(this::map).optional();
    }

    /** The organization that verified {@code domain}, if any (home-realm discovery, ssoRequired). */
    public Optional<String> verifiedOwner(String domain) {
        return jdbc.sql("SELECT organization_id FROM sso_domains WHERE domain_verified = :d").param("d", domain)
                .query(String.class).optional();
    }

    public void insert(DomainClaim c) {
        jdbc.sql("""
                INSERT INTO sso_domains (organization_id, domain, verification_token, verified_at, domain_verified, created_at)
                VALUES (:org, :d, :token, NULL, NULL, :now)""")
                .param("org", c.organizationId()).param("d", c.domain()).param("token", c.verificationToken())
                .param("now", Sql.ts(c.createdAt())).update();
    }

    /** Marks the claim verified; the unique {@code domain_verified} refuses a second verified owner. */
    public void markVerified(String organizationId, String domain, Instant now) {
        jdbc.sql("UPDATE sso_domains SET verified_at = :now, domain_verified = domain WHERE organization_id = :org AND domain = :d")
                .param("org", organizationId).param("d", domain).param("now", Sql.ts(now)).update();
    }

    public boolean delete(String organizationId, String domain) {
        return jdbc.sql("DELETE FROM sso_domains WHERE organization_id = :org AND domain = :d")
                .param("org", organizationId).param("d", domain).update() == 1;
    }

    private DomainClaim map(ResultSet rs, int row) throws SQLException {
        return new DomainClaim(rs.getString("organization_id"), rs.getString("domain"), rs.getString("verification_token"),
                Sql.instant(rs, "verified_at"), Sql.instant(rs, "created_at"));
    }
}
