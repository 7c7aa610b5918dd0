package dev.janua.server.users.persistence;

import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.persistence.Filters;
import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.users.UserQuery;
import dev.janua.server.users.UserQuery.SortField;
import dev.janua.server.users.domain.EmailAddress;
import dev.janua.server.users.domain.SearchProbe;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The statements of the admin user list ({@link JdbcUserAdminRepository}), apart so that tests can
 * EXPLAIN exactly what is sent. {@code frequentTrigrams} is {@link FrequentTrigrams#current()}: it
 * decides the plan (which part of a search term goes to the trigram index, and whether the matches are
 * fetched before sorting), never the rows.
 */
final class UserListSql {
    record Statement(String sql, Map<String, Object> params) {}

    private UserListSql() {}

    /**
     * One page, in the sort's index order. A narrowed search (some of the term's trigrams are in nearly
     * every row and were left out, so the index is asked only for a run of trigrams each in under 1 % of
     * rows) fetches all its matches first and sorts them: given {@code ORDER BY … LIMIT}, PostgreSQL
     * otherwise may walk the whole sort index and filter when it misjudges how many rows the probe finds
     * (it keeps no trigram statistics, only a 100-value histogram: at 1,000,000 users a term with 112
     * matches took 1.6 s that way, against 1–3 ms through the index). Terms left whole keep the planner's
     * choice: a sample that misjudged a common term as rare would otherwise fetch and sort all of its rows.
     * {@code OFFSET 0} keeps the subquery from being merged into the outer query, on PostgreSQL and H2 alike.
     */
    static Statement page(UserQuery q, PageRequest page, Instant now, Set<String> frequentTrigrams) {
        boolean byEmail = q.sort().field() == SortField.EMAIL;
        String key = byEmail ? "u.email_normalized" : "u.id";
        Where w = where(q, now, frequentTrigrams);
        w.filters().whereIf(key + (q.sort().descending() ? " < :after" : " > :after"), "after", page.after());
        String rows = "SELECT u.* FROM users u" + join(q) + w.filters().sql();
        if (w.narrowed()) rows = "SELECT u.* FROM (" + rows + " OFFSET 0) u";
        String sql = rows + " ORDER BY " + key + (q.sort().descending() ? " DESC" : " ASC") + limit(q, page, w.filters());
        return new Statement(sql, w.filters().params());
    }

    /**
     * The page size (and offset) as literals when the best plan does not depend on the filters' values,
     * so that PostgreSQL can plan the statement once per connection: given {@code LIMIT $n} it prices a
     * generic plan for an unknown limit (a tenth of the rows) and so plans every execution anew — for the
     * organization's list that planning (0.15 ms) cost more than running the plan (0.09 ms) at 1,000,000
     * users. A search or a creation-date range keeps the bind parameters, as before: how many rows match
     * decides between walking the sort index and fetching then sorting, and a generic plan fixed after five
     * executions could walk a million rows for a rare term; with an unknown limit a generic plan is priced
     * above the terms' own plans (at 1,000,000 users: none of 30 executions of a search was planned
     * generically), so each term keeps a plan of its own. {@code page=}'s
     * offset, which takes any value, stays a parameter too: as a literal each page would be a statement of its own.
     */
    private static String limit(UserQuery q, PageRequest page, Filters f) {
        boolean planByValue = (q.search() != null && !q.search().isBlank()) || q.createdAfter() != null || q.createdBefore() != null;
        if (planByValue || page.offset() > 0) {
            f.param("limit", page.fetchSize()).param("offset", page.offset());
            return " LIMIT :limit OFFSET :offset";
        }
        return " LIMIT " + page.fetchSize();
    }

    /** How many rows match; {@code null} when nothing filters (every user: the caller caches that count). */
    static Statement count(UserQuery q, Instant now, Set<String> frequentTrigrams) {
        Filters f = where(q, now, frequentTrigrams).filters();
        if (f.sql().isEmpty() && q.organizationId() == null) return null;
        return new Statement("SELECT COUNT(*) FROM users u" + join(q) + f.sql(), f.params());
    }

    private record Where(Filters filters, boolean narrowed) {}

    private static String join(UserQuery q) {
        return q.organizationId() == null ? ""
                : " JOIN organization_members m ON m.user_id = u.id AND m.organization_id = :org";
    }

    private static Where where(UserQuery q, Instant now, Set<String> frequentTrigrams) {
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
        boolean narrowed = q.search() != null && !q.search().isBlank() && search(f, q.search(), frequentTrigrams);
        f.whereIf("u.email_normalized = :email", "email", q.email() == null ? null : EmailAddress.normalize(q.email()))
                .whereIf("u.email_verified = :verified", "verified", q.emailVerified())
                .whereIf("u.mfa_enabled = :mfa", "mfa", q.mfaEnabled())
                .whereIf("u.created_at >= :createdAfter", "createdAfter", Sql.ts(q.createdAfter()))
                .whereIf("u.created_at < :createdBefore", "createdBefore", Sql.ts(q.createdBefore()));
        return new Where(f, narrowed);
    }

    /**
     * {@code search_text} contains the term. A GIN scan reads the posting list of every trigram it is
     * given, so the index is asked for part of the term when some of its trigrams are in nearly every
     * row, and the whole term is checked on the rows found ({@code search_text || ''} is not the indexed
     * expression, so it stays a filter): a term with an email domain ({@code jane@acme.com}) is cut after
     * the {@code @} (everyone at acme.com shares the domain's trigrams), then any term is narrowed to its
     * longest run of uncommon trigrams ({@link SearchProbe}). At 1,000,000 users: a whole email 20–30 ms
     * in the index for the local part alone, {@code user4242} 7–35 ms; their narrowed probes 0.3–2 ms.
     * True when {@link SearchProbe} narrowed the term (the index is asked only for uncommon trigrams).
     */
    private static boolean search(Filters f, String term, Set<String> frequentTrigrams) {
        String t = term.trim().toLowerCase(Locale.ROOT);
        int at = t.indexOf('@');
        String cut = at < 3 || at == t.length() - 1 ? t : t.substring(0, at + 1);
        String probe = SearchProbe.narrow(cut, frequentTrigrams);
        if (probe.equals(t)) {
            f.where("u.search_text LIKE :search", "search", Filters.containsPattern(t));
        } else {
            f.where("u.search_text LIKE :searchProbe", "searchProbe", Filters.containsPattern(probe))
                    .where("(u.search_text || '') LIKE :search", "search", Filters.containsPattern(t));
        }
        return !probe.equals(cut);
    }
}
