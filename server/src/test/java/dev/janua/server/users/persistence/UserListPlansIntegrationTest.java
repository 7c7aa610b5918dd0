package dev.janua.server.users.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.support.TenantFixtures;
import dev.janua.server.support.TestDatabase;
import dev.janua.server.users.UserQuery;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL plans a list without a search once per connection (a generic plan, reused) instead of at
 * every request: see {@link UserListSql}'s {@code limit}. The driver prepares a statement
 * on the server from its fifth execution and PostgreSQL decides between generic and custom plans after
 * five more, so each statement is run twenty times on one connection, then {@code pg_prepared_statements}
 * tells which plans were made.
 */
class UserListPlansIntegrationTest extends TenantFixtures {
    private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aListWithoutSearchIsPlannedOncePerConnection() {
        if (!TestDatabase.isPostgres()) return;
        platformAdmin();
        UserQuery all = query(null, null, null);
        UserQuery unverified = query(null, false, null);
        UserQuery inOrganization = query(null, null, "org_plans_test");
        UserQuery search = query("plans", null, null);

        // no parameter left: planned once when the driver prepares it (with LIMIT $1 OFFSET $2: five times first)
        List<Long> allPlans = plans(all);
        assertThat(allPlans.get(1)).as("all users: never planned for one request").isZero();
        assertThat(allPlans.getFirst()).as("all users: one plan, reused").isPositive();
        assertThat(plans(unverified).getFirst()).as("a filter whose value does not change the plan").isPositive();
        assertThat(plans(inOrganization).getFirst()).as("one organization's members").isPositive();
        // A search keeps its limit a parameter, as before: at 1,000,000 users PostgreSQL then plans each term
        // (measured: 0 generic of 30); in a table this small a generic plan costs the same and may be chosen.
        assertThat(UserListSql.page(search, PageRequest.of(50, null, null), NOW, Set.of()).sql()).endsWith("LIMIT :limit OFFSET :offset");
    }

    @Test
    void aPageByNumberPastTheFirstKeepsItsOffsetABindParameter() {
        UserListSql.Statement s = UserListSql.page(query(null, null, null), PageRequest.of(20, null, 3), NOW, Set.of());
        assertThat(s.sql()).endsWith("LIMIT :limit OFFSET :offset");
        assertThat(s.params()).containsEntry("limit", 21).containsEntry("offset", 40);
        assertThat(UserListSql.page(query(null, null, null), PageRequest.of(20, null, null), NOW, Set.of()).sql())
                .endsWith(" LIMIT 21");
    }

    private static UserQuery query(String search, Boolean emailVerified, String organizationId) {
        return new UserQuery(null, search, null, emailVerified, organizationId, null, null, UserQuery.Sort.DEFAULT);
    }

    /**
     * Generic and custom plans made for the page statement of {@code q} on one connection, after running it
     * twenty times there (the connection may have run it before: the counts include those).
     */
    private List<Long> plans(UserQuery q) {
        UserListSql.Statement s = UserListSql.page(q, PageRequest.of(50, null, null), NOW, Set.of());
        return new TransactionTemplate(transactions).execute(tx -> {
            for (int i = 0; i < 20; i++) jdbc.sql(s.sql()).params(s.params()).query().listOfRows();
            return jdbc.sql("SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE NOT from_sql AND statement = :sql")
                    .param("sql", asSent(s.sql())).query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2))).single();
        });
    }

    /** The statement as the driver sends it: named parameters become $1, $2, … in order. */
    private static String asSent(String sql) {
        Matcher m = Pattern.compile(":\\w+").matcher(sql);
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement("$" + ++n));
        return m.appendTail(out).toString();
    }
}
