package dev.janua.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dialect seam of user search: search_text is a generated column on both databases (kept by
 * every writer, even SQL that knows nothing of it), and PostgreSQL carries trigram indexes on it.
 */
class UserSearchIndexIntegrationTest extends IntegrationTest {

    @Test
    void searchTextFollowsEveryChangeOfNameOrEmail() {
        Api.Response up = signUp(uniqueEmail("Search"));
        String id = up.text("/user/id");
        assertThat(searchText(id)).contains("search-").contains(" test user");
        jdbc.sql("UPDATE users SET first_name = 'Ærø', username = 'Zed_01' WHERE id = :id").param("id", id).update();
        assertThat(searchText(id)).contains("ærø").contains("zed_01").doesNotContain("test");
    }

    @Test
    void postgresqlIndexesSearchWithTrigrams() {
        if (!TestDatabase.isPostgres()) return;
        long indexes = jdbc.sql("""
                SELECT COUNT(*) FROM pg_indexes
                WHERE indexname IN ('users_search_trgm_idx', 'organizations_search_trgm_idx') AND indexdef LIKE '%gin_trgm_ops%'""")
                .query(Long.class).single();
        assertThat(indexes).isEqualTo(2);
    }

    @Test
    void postgresqlKeepsAFinerHistogramOfSearchTextForThePlanner() {
        if (!TestDatabase.isPostgres()) return;
        // V1340: 1,000 buckets, so a common word's row count is not estimated 200 times too low at 1M users
        List<Integer> targets = jdbc.sql("SELECT attstattarget FROM pg_attribute WHERE attname = 'search_text'"
                        + " AND attrelid IN ('users'::regclass, 'organizations'::regclass)")
                .query(Integer.class).list();
        assertThat(targets).containsExactly(1000, 1000);
    }

    private String searchText(String id) {
        return jdbc.sql("SELECT search_text FROM users WHERE id = :id").param("id", id).query(String.class).single();
    }
}
