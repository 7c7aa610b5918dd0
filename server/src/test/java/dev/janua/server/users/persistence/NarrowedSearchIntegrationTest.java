package dev.janua.server.users.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import dev.janua.server.users.domain.SearchProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A search whose term holds frequent trigrams asks the index for part of the term and checks the whole
 * term after: the answer (rows, order, total) is exactly what {@code search_text LIKE '%term%'} finds.
 */
class NarrowedSearchIntegrationTest extends TenantFixtures {
    @Autowired
    FrequentTrigrams trigrams;

    @AfterEach
    void forgetTheSample() {
        trigrams.use(Set.of());
    }

    @Test
    void aNarrowedSearchFindsExactlyTheRowsTheWholeTermFinds() {
        Account admin = platformAdmin();
        String r = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        List<String> ids = new ArrayList<>();
        ids.add(created(admin, "tst" + r + "test@example.com", "Ann"));
        ids.add(created(admin, "tst" + r + "zz@example.com", "Ann"));
        ids.add(created(admin, "other" + r.substring(0, 4) + "@example.com", "tst" + r + "test"));
        ids.add(created(admin, "xtst" + r + "test@example.com.org", "Ann"));
        // "tes", "est", "exa", ... are in nearly every row here; the random part is not
        trigrams.use(Set.of("tes", "est", "tst", "exa", "xam", "amp", "mpl", "ple", "com"));

        for (String term : List.of(r + "test", "tst" + r + "test@example.com", "TST" + r.toUpperCase() + "Test", r + "zz@example.com")) {
            String lower = term.toLowerCase(java.util.Locale.ROOT);
            assertThat(SearchProbe.narrow(lower.contains("@") ? lower.substring(0, lower.indexOf('@') + 1) : lower, trigrams.current()))
                    .as("the index is asked for part of %s", term).isNotEqualTo(lower);
            List<String> expected = jdbc.sql("SELECT id FROM users WHERE search_text LIKE :p ORDER BY id")
                    .param("p", "%" + lower + "%").query(String.class).list();
            Api.Response page = api.get("/api/v1/admin/users?includeTotal=true&limit=100&search=" + java.net.URLEncoder.encode(term,
                    java.nio.charset.StandardCharsets.UTF_8), admin.auth());
            assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
            List<String> found = new ArrayList<>();
            page.json().at("/data").forEach(u -> found.add(u.at("/id").asString()));
            assertThat(found).as(term).isEqualTo(expected).isNotEmpty();
            assertThat(page.json().at("/pagination/totalCount").asLong()).isEqualTo(expected.size());
        }
        assertThat(ids).hasSize(4);
    }

    private String created(Account admin, String email, String firstName) {
        Api.Response r = api.post("/api/v1/admin/users", Api.map("email", email, "firstName", firstName), admin.auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.text("/id");
    }
}
