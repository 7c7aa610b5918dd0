package dev.janua.server.users.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import dev.janua.server.support.TestDatabase;
import dev.janua.server.users.UserQuery;
import dev.janua.server.users.domain.SearchProbe;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A search whose term holds frequent trigrams asks the index for part of the term, checks the whole
 * term after and sorts what it found: the answer (rows, order, pages, total) is exactly what
 * {@code search_text LIKE '%term%'} finds.
 */
class NarrowedSearchIntegrationTest extends TenantFixtures {
    // "tes", "est", "exa", ... are in nearly every row here; the random part of the addresses is not
    private static final Set<String> FREQUENT = Set.of("tes", "est", "tst", "exa", "xam", "amp", "mpl", "ple", "com");

    @Autowired
    FrequentTrigrams trigrams;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void forgetTheSample() {
        trigrams.use(Set.of());
    }

    @Test
    void aNarrowedSearchFindsExactlyTheRowsTheWholeTermFinds() {
        Account admin = platformAdmin();
        String r = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        created(admin, "tst" + r + "test@example.com", "Ann");
        created(admin, "tst" + r + "zz@example.com", "Ann");
        created(admin, "other" + r.substring(0, 4) + "@example.com", "tst" + r + "test");
        created(admin, "xtst" + r + "test@example.com.org", "Ann");
        created(admin, "a" + r + "@example.com", "Bo");
        trigrams.use(FREQUENT);

        // narrowed (frequent trigrams left out), or not: only an email cut, or nothing frequent at all
        Map<String, Boolean> terms = Map.of(r + "test", true, "tst" + r + "test@example.com", true, "TST" + r.toUpperCase() + "Test", true,
                r + "zz@example.com", false, r, false);
        for (String term : terms.keySet()) {
            String lower = term.toLowerCase(Locale.ROOT);
            String cut = lower.contains("@") ? lower.substring(0, lower.indexOf('@') + 1) : lower;
            assertThat(!SearchProbe.narrow(cut, trigrams.current()).equals(cut)).as("%s is narrowed", term).isEqualTo(terms.get(term));
            for (String sort : List.of("createdAt:asc", "createdAt:desc", "email:asc", "email:desc")) {
                String order = (sort.startsWith("email") ? "email_normalized" : "id") + (sort.endsWith("desc") ? " DESC" : " ASC");
                List<String> expected = jdbc.sql("SELECT id FROM users WHERE search_text LIKE :p ORDER BY " + order)
                        .param("p", "%" + lower + "%").query(String.class).list();
                assertThat(expected).as(term).isNotEmpty();
                assertThat(everyPage(admin, "search=" + URLEncoder.encode(term, StandardCharsets.UTF_8) + "&sort=" + sort))
                        .as("%s sorted by %s", term, sort).isEqualTo(expected);
            }
            Api.Response page = api.get("/api/v1/admin/users?includeTotal=true&limit=100&search="
                    + URLEncoder.encode(term, StandardCharsets.UTF_8), admin.auth());
            long total = jdbc.sql("SELECT COUNT(*) FROM users WHERE search_text LIKE :p").param("p", "%" + lower + "%").query(Long.class).single();
            assertThat(page.json().at("/pagination/totalCount").asLong()).isEqualTo(total);
        }
    }

    /**
     * When PostgreSQL misjudges how many rows a probe finds, a plain {@code ORDER BY id LIMIT} query walks
     * the primary key and filters every row (1.6 s at 1,000,000 users). {@code enable_sort = off} makes any
     * sort look that costly, the strongest push towards that walk: a narrowed page still sorts what the index found.
     */
    @Test
    void aNarrowedPageIsSortedAfterTheIndexFoundItsRows() {
        if (!TestDatabase.isPostgres()) return;
        UserQuery q = new UserQuery(null, "user4242", null, null, null, null, null, UserQuery.Sort.DEFAULT);
        UserListSql.Statement page = UserListSql.page(q, PageRequest.of(50, null, null), Instant.now(), Set.of("use", "ser"));
        List<String> plan = new TransactionTemplate(transactions).execute(tx -> {
            jdbc.sql("SET LOCAL enable_sort = off").update();
            return jdbc.sql("EXPLAIN " + page.sql()).params(page.params()).query(String.class).list();
        });
        assertThat(String.join("\n", plan)).contains("Sort").doesNotContain("users_pkey");
    }

    private List<String> everyPage(Account admin, String query) {
        List<String> ids = new ArrayList<>();
        String cursor = "";
        for (int pages = 0; pages < 10; pages++) {
            Api.Response page = api.get("/api/v1/admin/users?limit=2&" + query + cursor, admin.auth());
            assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
            page.json().at("/data").forEach(u -> ids.add(u.at("/id").asString()));
            if (!page.json().at("/pagination/hasMore").asBoolean()) return ids;
            cursor = "&cursor=" + page.text("/pagination/nextCursor");
        }
        return ids;
    }

    private String created(Account admin, String email, String firstName) {
        Api.Response r = api.post("/api/v1/admin/users", Api.map("email", email, "firstName", firstName), admin.auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.text("/id");
    }
}
