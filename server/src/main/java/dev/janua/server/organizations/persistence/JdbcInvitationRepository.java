package dev.janua.server.organizations.persistence;

import dev.janua.server.organizations.domain.Invitation;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.persistence.Filters;
import dev.janua.server.platform.persistence.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of invitations; the secret is kept only as its SHA-256. */
@Repository
public class JdbcInvitationRepository {
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcInvitationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Invitation i, String emailNormalized, String tokenHash) {
        jdbc.sql("""
                INSERT INTO invitations (id, organization_id, email, email_normalized, role_id, permissions, message, token_hash,
                    status, invited_by, created_at, expires_at, ttl_s, sent_count, last_sent_at)
                VALUES (:id, :org, :email, :norm, :role, :permissions, :message, :hash, :status, :by, :now, :expires, :ttl, 1, :now)""")
                .param("id", i.id()).param("org", i.organizationId()).param("email", i.email()).param("norm", emailNormalized)
                .param("role", i.roleId()).param("permissions", json.writeValueAsString(i.permissions()))
                .param("message", i.message()).param("hash", tokenHash).param("status", i.status())
                .param("by", i.invitedBy()).param("now", Sql.ts(i.createdAt())).param("expires", Sql.ts(i.expiresAt()))
                .param("ttl", i.ttlSeconds())
                .update();
    }

    public Optional<Invitation> find(String organizationId, String id) {
        return jdbc.sql("SELECT * FROM invitations WHERE id = :id AND organization_id = :org")
                .param("id", id).param("org", organizationId).query(this::map).optional();
    }

    public Optional<Invitation> findByTokenHash(String hash) {
        return jdbc.sql("SELECT * FROM invitations WHERE token_hash = :h").param("h", hash).query(this::map).optional();
    }

    public boolean pendingExists(String organizationId, String emailNormalized, Instant now) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM invitations
                WHERE organization_id = :org AND email_normalized = :email AND status = 'pending' AND expires_at > :now""")
                .param("org", organizationId).param("email", emailNormalized).param("now", Sql.ts(now))
                .query(Long.class).single() > 0;
    }

    /**
     * The single-use guarantee: of N concurrent accepts of one token, one sees 1 row here. The
     * token hash is part of the condition, so a resend (new token) voids the old link as well.
     */
    public boolean markAccepted(String id, String tokenHash, String userId, Instant now) {
        return jdbc.sql("""
                UPDATE invitations SET status = 'accepted', accepted_at = :now, accepted_by = :user
                WHERE id = :id AND token_hash = :h AND status = 'pending' AND expires_at > :now""")
                .param("now", Sql.ts(now)).param("user", userId).param("id", id).param("h", tokenHash).update() == 1;
    }

    public boolean markRevoked(String organizationId, String id, String actorId, Instant now) {
        return jdbc.sql("""
                UPDATE invitations SET status = 'revoked', revoked_at = :now, revoked_by = :actor
                WHERE id = :id AND organization_id = :org AND status = 'pending'""")
                .param("now", Sql.ts(now)).param("actor", actorId).param("id", id).param("org", organizationId).update() == 1;
    }

    /** A resend issues a new secret and a new expiry; the old link stops working. */
    public boolean rearm(String organizationId, String id, String tokenHash, Instant now, Instant expires) {
        return jdbc.sql("""
                UPDATE invitations SET token_hash = :h, expires_at = :expires, sent_count = sent_count + 1, last_sent_at = :now
                WHERE id = :id AND organization_id = :org AND status = 'pending'""")
                .param("h", tokenHash).param("expires", Sql.ts(expires)).param("now", Sql.ts(now))
                .param("id", id).param("org", organizationId).update() == 1;
    }

    public List<Invitation> list(String organizationId, String status, Instant now, PageRequest page) {
        Filters f = filters(organizationId, status, now).whereIf("id > :after", "after", page.after());
        return jdbc.sql("SELECT * FROM invitations" + f.sql() + " ORDER BY id LIMIT :limit OFFSET :offset")
                .params(f.params()).param("limit", page.fetchSize()).param("offset", page.offset()).query(this::map).list();
    }

    public long count(String organizationId, String status, Instant now) {
        Filters f = filters(organizationId, status, now);
        return jdbc.sql("SELECT COUNT(*) FROM invitations" + f.sql()).params(f.params()).query(Long.class).single();
    }

    private static Filters filters(String organizationId, String status, Instant now) {
        Filters f = new Filters().where("organization_id = :org", "org", organizationId);
        if (status == null) return f;
        return switch (status) {
            case Invitation.PENDING -> f.where("status = 'pending' AND expires_at > :now", "now", Sql.ts(now));
            case Invitation.EXPIRED -> f.where("status = 'pending' AND expires_at <= :now", "now", Sql.ts(now));
            default -> f.where("status = :status", "status", status);
        };
    }

    private Invitation map(ResultSet rs, int row) throws SQLException {
        String permissions = rs.getString("permissions");
        return new Invitation(rs.getString("id"), rs.getString("organization_id"), rs.getString("email"), rs.getString("role_id"),
                permissions == null ? List.of() : json.readValue(permissions, LIST), rs.getString("message"),
                rs.getString("status"), rs.getString("invited_by"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "expires_at"), rs.getInt("ttl_s"), rs.getInt("sent_count"), Sql.instant(rs, "last_sent_at"),
                Sql.instant(rs, "accepted_at"), rs.getString("accepted_by"), Sql.instant(rs, "revoked_at"));
    }
}
