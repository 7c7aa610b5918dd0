package dev.janua.server.users.persistence;

import dev.janua.server.platform.cache.Invalidations;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.persistence.Filters;
import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.users.Suspension;
import dev.janua.server.users.UserAdministration.ManagedUser;
import dev.janua.server.users.UserQuery;
import dev.janua.server.users.UserQuery.SortField;
import dev.janua.server.users.UserStatus;
import dev.janua.server.users.domain.EmailAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of user administration: suspension, unlock, admin edits, and the admin list. The list walks
 * an index in its sort order (the primary key for creation order, the unique email index for email
 * order) and pages by keyset, so page 1,000 costs what page 1 does; search uses {@code search_text}
 * (trigram-indexed on PostgreSQL).
 */
@Repository
public class JdbcUserAdminRepository {
    private final JdbcClient jdbc;
    private final JdbcUserRepository users;
    private final Invalidations invalidations;

    public JdbcUserAdminRepository(JdbcClient jdbc, JdbcUserRepository users, Invalidations invalidations) {
        this.invalidations = invalidations;
        this.jdbc = jdbc;
        this.users = users;
    }

    public List<ManagedUser> search(UserQuery q, PageRequest page, Instant now) {
        boolean byEmail = q.sort().field() == SortField.EMAIL;
        String key = byEmail ? "u.email_normalized" : "u.id";
        String direction = q.sort().descending() ? "DESC" : "ASC";
        Filters f = filters(q, now).whereIf(key + (q.sort().descending() ? " < :after" : " > :after"), "after", page.after());
        return jdbc.sql("SELECT u.* FROM users u" + join(q) + f.sql() + " ORDER BY " + key + " " + direction
                        + " LIMIT :limit OFFSET :offset")
                .params(f.params()).param("limit", page.fetchSize()).param("offset", page.offset())
                .query(this::managed).list();
    }

    public long count(UserQuery q, Instant now) {
        Filters f = filters(q, now);
        return jdbc.sql("SELECT COUNT(*) FROM users u" + join(q) + f.sql()).params(f.params()).query(Long.class).single();
    }

    public Optional<ManagedUser> find(String id) {
        return jdbc.sql("SELECT * FROM users WHERE id = :id").param("id", id).query(this::managed).optional();
    }

    public void suspend(String id, String reason, Instant until, String actorId, Instant now) {
        invalidations.invalidate(id);
        jdbc.sql("""
                UPDATE users SET status = 'suspended', suspended_at = :now, suspended_until = :until, suspended_reason = :reason,
                                 suspended_by = :by, updated_at = :now
                WHERE id = :id""")
                .param("now", Sql.ts(now)).param("until", Sql.ts(until)).param("reason", reason).param("by", actorId)
                .param("id", id).update();
    }

    /** Also ends a suspension that already lapsed by itself, so the stored status reads active again. */
    public boolean unsuspend(String id, Instant now) {
        invalidations.invalidate(id);
        return jdbc.sql("""
                UPDATE users SET status = 'active', suspended_at = NULL, suspended_until = NULL, suspended_reason = NULL,
                                 suspended_by = NULL, updated_at = :now
                WHERE id = :id AND status = 'suspended'""")
                .param("now", Sql.ts(now)).param("id", id).update() == 1;
    }

    public void unlock(String id, Instant now) {
        invalidations.invalidate(id);
        jdbc.sql("UPDATE users SET failed_attempts = 0, locked_until = NULL, updated_at = :now WHERE id = :id")
                .param("now", Sql.ts(now)).param("id", id).update();
    }

    public void changeEmail(String id, String email, boolean verified, Instant now) {
        invalidations.invalidate(id);
        jdbc.sql("""
                UPDATE users SET email = :email, email_normalized = :norm, email_verified = :verified,
                                 email_verified_at = :verifiedAt, updated_at = :now
                WHERE id = :id""")
                .param("email", email).param("norm", EmailAddress.normalize(email)).param("verified", verified)
                .param("verifiedAt", verified ? Sql.ts(now) : null).param("now", Sql.ts(now)).param("id", id).update();
    }

    public void setEmailVerified(String id, boolean verified, Instant now) {
        invalidations.invalidate(id);
        jdbc.sql("UPDATE users SET email_verified = :v, email_verified_at = :at, updated_at = :now WHERE id = :id")
                .param("v", verified).param("at", verified ? Sql.ts(now) : null).param("now", Sql.ts(now)).param("id", id).update();
    }

    public void setAdmin(String id, boolean admin, Instant now) {
        invalidations.invalidate(id);
        jdbc.sql("UPDATE users SET is_admin = :a, updated_at = :now WHERE id = :id")
                .param("a", admin).param("now", Sql.ts(now)).param("id", id).update();
    }

    private static String join(UserQuery q) {
        return q.organizationId() == null ? ""
                : " JOIN organization_members m ON m.user_id = u.id AND m.organization_id = :org";
    }

    private static Filters filters(UserQuery q, Instant now) {
        Filters f = new Filters();
        if (q.organizationId() != null) f.param("org", q.organizationId());
        if (q.status() != null) {
            switch (q.status().toLowerCase(Locale.ROOT)) {
                case "active" -> f.where("(u.status = 'active' OR (u.status = 'suspended' AND u.suspended_until <= :now))", "now", Sql.ts(now));
                case "suspended" -> f.where("u.status = 'suspended' AND (u.suspended_until IS NULL OR u.suspended_until > :now)", "now", Sql.ts(now));
                case "inactive" -> f.where("u.status = 'inactive'");
                default -> f.where("1 = 0"); // "deleted": deleted accounts are gone
            }
        }
        if (q.search() != null && !q.search().isBlank()) search(f, q.search());
        return f.whereIf("u.email_normalized = :email", "email", q.email() == null ? null : EmailAddress.normalize(q.email()))
                .whereIf("u.email_verified = :verified", "verified", q.emailVerified())
                .whereIf("u.mfa_enabled = :mfa", "mfa", q.mfaEnabled())
                .whereIf("u.created_at >= :createdAfter", "createdAfter", Sql.ts(q.createdAfter()))
                .whereIf("u.created_at < :createdBefore", "createdBefore", Sql.ts(q.createdBefore()));
    }

    /**
     * {@code search_text} contains the term. A term with an email domain ({@code jane@acme.com}) asks the
     * trigram index for the part up to the {@code @} only, and checks the whole term on the rows found:
     * the domain's trigrams are in most rows (everyone at acme.com), and a GIN scan reads every posting
     * list it is given — at 1,000,000 users a whole-email search took seconds, the local part
     * milliseconds. {@code search_text || ''} is not the indexed expression, so it stays a filter.
     */
    private static void search(Filters f, String term) {
        String t = term.trim();
        int at = t.indexOf('@');
        if (at < 3 || at == t.length() - 1) {
            f.where("u.search_text LIKE :search", "search", Filters.containsPattern(t));
            return;
        }
        f.where("u.search_text LIKE :searchProbe", "searchProbe", Filters.containsPattern(t.substring(0, at + 1)))
                .where("(u.search_text || '') LIKE :search", "search", Filters.containsPattern(t));
    }

    private ManagedUser managed(ResultSet rs, int row) throws SQLException {
        Instant suspendedAt = Sql.instant(rs, "suspended_at");
        var user = users.map(rs, row);
        Suspension s = suspendedAt == null || user.status() != UserStatus.SUSPENDED ? null
                : new Suspension(suspendedAt, Sql.instant(rs, "suspended_until"), rs.getString("suspended_reason"),
                rs.getString("suspended_by"));
        return new ManagedUser(user, s, rs.getInt("failed_attempts"), Sql.instant(rs, "locked_until"));
    }

    /** Cursor key of a row in the given sort. */
    public static String cursorOf(ManagedUser m, UserQuery.Sort sort) {
        return sort.field() == SortField.EMAIL ? EmailAddress.normalize(m.user().email()) : m.user().id();
    }
}
