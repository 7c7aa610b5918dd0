package dev.janua.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import dev.janua.server.support.TestMail;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Regressions found in review: admin-account takeover by key, stale reset links, inputs that once answered 500. */
class ReviewRegressionIntegrationTest extends TenantFixtures {

    @Test
    void aPlatformKeyWithUsersWriteCannotTakeOverAnAdminAccount() {
        Account admin = platformAdmin();
        Account victimAdmin = newUser("victim-admin");
        jdbc.sql("UPDATE users SET is_admin = TRUE WHERE id = :id").param("id", victimAdmin.id()).update();
        Account ordinary = newUser("ordinary");
        Api.Response created = api.post("/api/v1/api-keys", Api.map("name", "ops", "scope", "platform",
                "permissions", List.of("users:read", "users:write", "users:delete")), admin.auth());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String key = created.text("/key");
        assertThat(key).startsWith("sk_");

        Api.Response takeover = api.patch("/api/v1/users/" + victimAdmin.id(), Api.map("email", uniqueEmail("attacker"), "emailVerified", true),
                "X-API-Key", key);
        assertThat(takeover.status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/users/" + victimAdmin.id() + "/suspend", Api.map("reason", "x"), "X-API-Key", key).status())
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/users/" + victimAdmin.id(), null, "X-API-Key", key).status()).isEqualTo(403);
        // the same key still manages ordinary users
        assertThat(api.patch("/api/v1/users/" + ordinary.id(), Api.map("firstName", "Renamed"), "X-API-Key", key).status()).isEqualTo(200);
        // and an admin in person may act on another admin
        assertThat(api.patch("/api/v1/users/" + victimAdmin.id(), Api.map("firstName", "Still"), admin.auth()).status()).isEqualTo(200);
    }

    @Test
    void aResetLinkSentToAnAddressTheAccountNoLongerHasDoesNothing() {
        Account user = newUser("moved");
        api.post("/api/v1/auth/password/forgot", Api.map("email", user.email()));
        String token = TestMail.awaitToken(user.email(), "Reset", Pattern.compile("(prt_[A-Za-z0-9_-]+)"));
        String newEmail = uniqueEmail("moved-to");
        assertThat(api.patch("/api/v1/users/" + user.id(), Api.map("email", newEmail), platformAdmin().auth()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/password/reset", Api.map("token", token, "newPassword", "taken over passphrase")).errorCode())
                .isEqualTo("TOKEN_INVALID_OR_EXPIRED");
    }

    @Test
    void inputsThatOnceAnswered500AreClientErrors() {
        Account user = newUser("fuzz");
        String[] auth = user.auth();
        assertThat(api.post("/api/v1/audit/events", Api.map("limit", 0, "offset", 10), auth).status()).isEqualTo(422);
        Api.Response nulls = api.post("/api/v1/users/" + user.id() + "/permissions/check", "{\"permissions\": [null]}", auth);
        assertThat(nulls.status()).isBetween(400, 499);
        Api.Response forever = api.post("/api/v1/api-keys", Api.map("name", "k", "permissions", List.of("users:read"),
                "expiresIn", Long.MAX_VALUE), platformAdmin().auth());
        assertThat(forever.status()).isEqualTo(422);
        assertThat(api.get("/api/v1/organizations?page=21474838&limit=100", auth).status()).isEqualTo(422);
    }

    @Test
    void twoOwnersDeletingTheirAccountsAtOnceLeaveTheOrganizationAnOwner() throws Exception {
        Account a = newUser("owner-a");
        String org = createOrg(a);
        Account b = memberOf(org, "owner", "owner-b");
        String body = "{\"password\":\"" + PASSWORD + "\",\"confirmation\":\"DELETE\"}";
        java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
        List<Api.Response> results = dev.janua.server.support.Concurrently.run(2, () -> {
            Account who = turn.getAndIncrement() == 0 ? a : b;
            return api.delete("/api/v1/users/me", body, who.auth("Content-Type", "application/json"));
        });
        assertThat(results).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(count("SELECT COUNT(*) FROM organization_members WHERE organization_id = :o AND role_id = 'role_owner'", "o", org))
                .isGreaterThanOrEqualTo(1);
    }
}
