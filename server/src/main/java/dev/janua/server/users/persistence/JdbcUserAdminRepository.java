package dev.janua.server.users.persistence;

import dev.janua.server.platform.cache.Invalidations;
import dev.janua.server.platform.cache.NearCache;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.users.Suspension;
import dev.janua.server.users.UserAdministration.ManagedUser;
import dev.janua.server.users.UserQuery;
import dev.janua.server.users.UserStatus;
import dev.janua.server.users.domain.EmailAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of user administration: suspension, unlock, admin edits, and the admin list. The list walks
 * an index in its sort order (the primary key for creation order, the unique email index for email
 * order) and pages by keyset, so page 1,000 costs what page 1 does; search uses {@code search_text}
 * (trigram-indexed on PostgreSQL). The list's statements are {@link UserListSql}'s.
 */
@Repository
public class JdbcUserAdminRepository {
    private final JdbcClient jdbc;
    private final JdbcUserRepository users;
    private final Invalidations invalidations;
    private final FrequentTrigrams trigrams;
    private final NearCache<Long> allUsers;

    public JdbcUserAdminRepository(JdbcClient jdbc, JdbcUserRepository users, Invalidations invalidations, FrequentTrigrams trigrams) {
        this.invalidations = invalidations;
        this.allUsers = invalidations.newCache();
        this.trigrams = trigrams;
        this.jdbc = jdbc;
        this.users = users;
    }

    public List<ManagedUser> search(UserQuery q, PageRequest page, Instant now) {
        UserListSql.Statement s = UserListSql.page(q, page, now, trigrams.current());
        return jdbc.sql(s.sql()).params(s.params()).query(this::managed).list();
    }

    /**
     * Exact. The count of every user (no filter: what {@code page=} lists show) is a scan of a whole
     * index — 240 ms at 1,000,000 users — so it is kept per node until a user is created or deleted
     * ({@link JdbcUserRepository#ALL_USERS}: here at commit, on other nodes through NOTIFY).
     */
    public long count(UserQuery q, Instant now) {
        UserListSql.Statement s = UserListSql.count(q, now, trigrams.current());
        if (s != null) return jdbc.sql(s.sql()).params(s.params()).query(Long.class).single();
        Long hit = allUsers.get(JdbcUserRepository.ALL_USERS);
        if (hit != null) return hit;
        long generation = allUsers.generation();
        long counted = jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
        allUsers.put(JdbcUserRepository.ALL_USERS, JdbcUserRepository.ALL_USERS, counted, generation);
        return counted;
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
        return sort.field() == UserQuery.SortField.EMAIL ? EmailAddress.normalize(m.user().email()) : m.user().id();
    }
}
