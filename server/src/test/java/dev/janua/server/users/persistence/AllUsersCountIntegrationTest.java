package dev.janua.server.users.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.StatementLog;
import dev.janua.server.support.TenantFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code page=} lists carry the exact count of all users. It is counted once and kept per node until a
 * user is created or deleted, so a repeated page does not scan the table and the total is right at once.
 */
class AllUsersCountIntegrationTest extends TenantFixtures {
    @Autowired
    StatementLog statements;

    @Test
    void theTotalOfAllUsersIsCountedOnceAndFollowsEveryCreationAndDeletion() {
        Account admin = platformAdmin();
        long before = total(admin);
        assertThat(before).isEqualTo(count("SELECT COUNT(*) FROM users"));

        statements.clear();
        assertThat(total(admin)).isEqualTo(before);
        assertThat(statements.count("SELECT COUNT(*) FROM users")).as("kept, not counted again").isZero();

        Api.Response created = api.post("/api/v1/admin/users", Api.map("email", uniqueEmail("counted")), admin.auth());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(total(admin)).as("a creation, at once").isEqualTo(before + 1);
        assertThat(api.delete("/api/v1/users/" + created.text("/id"), null, admin.auth()).status()).isBetween(200, 204);
        assertThat(total(admin)).as("a deletion, at once").isEqualTo(before);
        statements.clear();
        total(admin, "&emailVerified=false");
        assertThat(statements.count("SELECT COUNT(*) FROM users")).as("filtered totals are counted every time").isEqualTo(1);
    }

    private long total(Account admin) {
        return total(admin, "");
    }

    private long total(Account admin, String filter) {
        Api.Response page = api.get("/api/v1/admin/users?page=2&limit=1" + filter, admin.auth());
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        return page.json().at("/pagination/totalCount").asLong();
    }
}
