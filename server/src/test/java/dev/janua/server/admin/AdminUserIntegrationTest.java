package dev.janua.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin user API at /users and /admin/users: lists, look-ups, edits, suspension, unlock, deletion. */
class AdminUserIntegrationTest extends TenantFixtures {

    /** Users whose last name carries a tag unique to the test, so searches see only them. */
    private List<Account> tagged(String tag, int n) {
        List<Account> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String email = uniqueEmail("t" + i);
            Api.Response r = api.post("/api/v1/auth/signup", Api.map("email", email, "password", PASSWORD, "firstName", "Person" + i,
                    "lastName", tag));
            assertThat(r.status()).isEqualTo(201);
            out.add(new Account(r.text("/user/id"), email, accessToken(r)));
        }
        return out;
    }

    private static String tag() {
        return "Tag" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void onlyPlatformAdminsListAndReadOthers() {
        Account user = newUser("plain");
        Account other = newUser("plainother");
        for (String path : List.of("/api/v1/users", "/api/v1/admin/users", "/api/v1/users/" + other.id(), "/api/v1/admin/organizations",
                "/api/v1/users/by-email?email=" + other.email())) {
            Api.Response r = api.get(path, user.auth());
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        }
        assertThat(api.get("/api/v1/users/" + user.id(), user.auth()).text("/email")).isEqualTo(user.email());
        assertThat(api.post("/api/v1/admin/users/" + other.id() + "/suspend", Api.map("reason", "x"), user.auth()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users").status()).isEqualTo(401);
    }

    @Test
    void listFiltersSearchSortsAndPagesByCursorOrPage() {
        String tag = tag();
        Instant before = clock.instant();
        List<Account> users = tagged(tag, 6);
        Account admin = platformAdmin();
        String q = "?search=" + tag.toLowerCase();

        Api.Response all = api.get("/api/v1/users" + q + "&includeTotal=true", admin.auth());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().at("/data").size()).isEqualTo(6);
        assertThat(all.json().at("/pagination/totalCount").asLong()).isEqualTo(6);
        assertThat(all.text("/data/0/id")).isEqualTo(users.get(0).id());
        assertThat(api.get("/api/v1/users" + q, admin.auth()).json().at("/pagination/totalCount").isMissingNode()).isTrue();

        Api.Response desc = api.get("/api/v1/admin/users" + q + "&sort=created_at:desc", admin.auth());
        assertThat(desc.text("/data/0/id")).isEqualTo(users.get(5).id());
        Api.Response byEmail = api.get("/api/v1/users" + q + "&sort=email:asc&limit=3", admin.auth());
        List<String> emails = new ArrayList<>();
        byEmail.json().at("/data").forEach(u -> emails.add(u.at("/email").asString()));
        assertThat(emails).isSorted();
        Api.Response byEmail2 = api.get("/api/v1/users" + q + "&sort=email:asc&limit=3&cursor=" + byEmail.text("/pagination/nextCursor"),
                admin.auth());
        assertThat(byEmail2.text("/data/0/email")).isGreaterThan(emails.get(2));
        assertThat(api.get("/api/v1/users?sort=password:asc", admin.auth()).errorCode()).isEqualTo("VALIDATION_ERROR");

        Api.Response page2 = api.get("/api/v1/users" + q + "&page=2&limit=4", admin.auth());
        assertThat(page2.json().at("/data").size()).isEqualTo(2);
        assertThat(page2.json().at("/pagination/totalCount").asLong()).isEqualTo(6);
        assertThat(page2.json().at("/pagination/page").asInt()).isEqualTo(2);

        String org = createOrg(users.get(0));
        addMember(org, users.get(1), "viewer");
        Api.Response inOrg = api.get("/api/v1/users" + q + "&organizationId=" + org, admin.auth());
        assertThat(inOrg.json().at("/data").size()).isEqualTo(2);

        jdbc.sql("UPDATE users SET email_verified = TRUE WHERE id = :id").param("id", users.get(2).id()).update();
        assertThat(api.get("/api/v1/users" + q + "&emailVerified=true", admin.auth()).text("/data/0/id")).isEqualTo(users.get(2).id());
        assertThat(api.get("/api/v1/users?email=" + users.get(3).email().toUpperCase(), admin.auth()).text("/data/0/id"))
                .isEqualTo(users.get(3).id());
        assertThat(api.get("/api/v1/users/by-email?email=" + users.get(4).email(), admin.auth()).text("/id")).isEqualTo(users.get(4).id());
        assertThat(api.get("/api/v1/users/by-email?email=nobody@example.com", admin.auth()).errorCode()).isEqualTo("USER_NOT_FOUND");

        assertThat(api.get("/api/v1/users" + q + "&createdAfter=" + before.minusSeconds(1), admin.auth()).json().at("/data").size()).isEqualTo(6);
        assertThat(api.get("/api/v1/users" + q + "&createdBefore=" + before.minusSeconds(1), admin.auth()).json().at("/data").size()).isZero();
        assertThat(api.get("/api/v1/users" + q + "&createdAfter=2000-01-01", admin.auth()).json().at("/data").size()).isEqualTo(6);
        assertThat(api.get("/api/v1/users?createdAfter=yesterday", admin.auth()).errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.get("/api/v1/users" + q + "&status=deleted", admin.auth()).json().at("/data").size()).isZero();
        assertThat(api.get("/api/v1/users?status=zombie", admin.auth()).errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void cursorPagingStaysStableWhileUsersAreInserted() {
        String tag = tag();
        List<Account> existing = tagged(tag, 12);
        Account admin = platformAdmin();
        for (String sort : List.of("createdAt:asc", "createdAt:desc", "email:asc")) {
            Set<String> seen = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                Api.Response page = api.get("/api/v1/users?search=" + tag.toLowerCase() + "&limit=5&sort=" + sort
                        + (cursor == null ? "" : "&cursor=" + cursor), admin.auth());
                assertThat(page.status()).isEqualTo(200);
                page.json().at("/data").forEach(u -> assertThat(seen.add(u.at("/id").asString())).as("no row twice").isTrue());
                tagged(tag, 2); // rows arrive between page reads
                cursor = page.json().at("/pagination/hasMore").asBoolean() ? page.text("/pagination/nextCursor") : null;
                pages++;
            } while (cursor != null && pages < 50);
            assertThat(seen).as(sort).containsAll(existing.stream().map(Account::id).toList());
        }
    }

    @Test
    void adminsEditUsersAndPeopleEditOnlyTheirOwnProfile() {
        Account admin = platformAdmin();
        Account user = newUser("edited");
        Api.Response put = api.put("/api/v1/users/" + user.id(), Api.map("firstName", "Edited", "email", uniqueEmail("moved"),
                "emailVerified", true), admin.auth());
        assertThat(put.status()).as(put.raw().body()).isEqualTo(200);
        assertThat(put.text("/firstName")).isEqualTo("Edited");
        assertThat(put.json().at("/emailVerified").asBoolean()).isTrue();
        String newEmail = put.text("/email");
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", newEmail, "password", PASSWORD)).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/admin/users/" + user.id(), Api.map("email", admin.email()), admin.auth()).errorCode())
                .isEqualTo("EMAIL_ALREADY_EXISTS");

        Api.Response self = api.patch("/api/v1/users/" + user.id(), Api.map("bio", "mine"), user.auth());
        assertThat(self.text("/bio")).isEqualTo("mine");
        assertThat(api.patch("/api/v1/users/" + user.id(), Api.map("isAdmin", true), user.auth()).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/users/" + admin.id(), Api.map("bio", "not yours"), user.auth()).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/users/" + user.id(), Api.map("timezone", "Mars/Base"), admin.auth()).errorCode()).isEqualTo("VALIDATION_ERROR");

        assertThat(api.patch("/api/v1/users/" + user.id(), Api.map("isAdmin", true), admin.auth()).json().at("/isAdmin").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/admin/users?limit=1", user.auth()).status()).as("admin takes effect at once").isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'user.updated' AND subject_id = :id AND actor_id = :a",
                "id", user.id(), "a", admin.id())).isGreaterThanOrEqualTo(2);
    }

    @Test
    void adminsCreateUsersWithOrWithoutAPassword() {
        Account admin = platformAdmin();
        String email = uniqueEmail("created");
        Api.Response created = api.post("/api/v1/admin/users", Api.map("email", email, "password", PASSWORD, "firstName", "New",
                "emailVerified", true), admin.auth());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.json().at("/emailVerified").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/users", Api.map("email", email), admin.auth()).errorCode()).isEqualTo("EMAIL_ALREADY_EXISTS");
        assertThat(api.post("/api/v1/users", Api.map("email", uniqueEmail("weak"), "password", "password123"), admin.auth()).errorCode())
                .isEqualTo("WEAK_PASSWORD");

        String noPassword = uniqueEmail("nopw");
        assertThat(api.post("/api/v1/users", Api.map("email", noPassword), admin.auth()).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", noPassword, "password", PASSWORD)).errorCode())
                .isEqualTo("INVALID_CREDENTIALS");
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'user.created' AND actor_id = :a", "a", admin.id()))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void suspendingEndsEverySessionAtOnceAndBlocksSignInUntilLifted() {
        Account admin = platformAdmin();
        String email = uniqueEmail("suspended");
        Api.Response up = signUp(email);
        String userId = up.text("/user/id");
        Api.Response second = api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD));
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(second))).status()).isEqualTo(200);

        Api.Response suspended = api.post("/api/v1/admin/users/" + userId + "/suspend", Api.map("reason", "Suspicious activity detected"),
                admin.auth());
        assertThat(suspended.status()).as(suspended.raw().body()).isEqualTo(200);
        assertThat(suspended.text("/status")).isEqualTo("suspended");
        assertThat(suspended.text("/suspension/reason")).isEqualTo("Suspicious activity detected");
        assertThat(suspended.text("/suspension/suspendedBy")).isEqualTo(admin.id());
        for (Api.Response session : List.of(up, second)) {
            Api.Response me = api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(session)));
            assertThat(me.status()).isEqualTo(401);
            assertThat(me.errorCode()).isEqualTo("SESSION_EXPIRED");
            assertThat(api.post("/api/v1/auth/refresh", Api.map("refreshToken", refreshToken(session))).status()).isEqualTo(401);
        }
        Api.Response signIn = api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD));
        assertThat(signIn.status()).isEqualTo(403);
        assertThat(signIn.errorCode()).isEqualTo("ACCOUNT_SUSPENDED");
        assertThat(api.get("/api/v1/users?status=suspended&email=" + email, admin.auth()).text("/data/0/id")).isEqualTo(userId);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'session.revoked' AND subject_id IN (:a, :b)",
                "a", up.text("/session/id"), "b", second.text("/session/id"))).isEqualTo(2);

        Api.Response lifted = api.post("/api/v1/users/" + userId + "/unsuspend", null, admin.auth());
        assertThat(lifted.text("/status")).isEqualTo("active");
        assertThat(lifted.json().at("/suspension").isMissingNode()).isTrue();
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/users/" + admin.id() + "/suspend", Api.map("reason", "oops"), admin.auth()).errorCode())
                .isEqualTo("CONFLICT");
    }

    @Test
    void aSuspensionWithADurationEndsByItself() {
        Account admin = platformAdmin();
        Account user = newUser("timed");
        Api.Response suspended = api.post("/api/v1/admin/users/" + user.id() + "/suspend", Api.map("reason", "Cool-off", "duration", 86400),
                admin.auth());
        assertThat(Instant.parse(suspended.text("/suspension/until"))).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", user.email(), "password", PASSWORD)).errorCode())
                .isEqualTo("ACCOUNT_SUSPENDED");
        assertThat(api.post("/api/v1/admin/users/" + user.id() + "/suspend", Api.map("duration", 0), admin.auth()).errorCode())
                .isEqualTo("VALIDATION_ERROR");

        clock.advance(Duration.ofHours(25));
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", user.email(), "password", PASSWORD)).status()).isEqualTo(200);
        Account freshAdmin = signIn(admin);
        assertThat(api.get("/api/v1/users/" + user.id(), freshAdmin.auth()).text("/status")).isEqualTo("active");
        assertThat(api.get("/api/v1/users?status=active&email=" + user.email(), freshAdmin.auth()).text("/data/0/id")).isEqualTo(user.id());
        assertThat(api.get("/api/v1/users?status=suspended&email=" + user.email(), freshAdmin.auth()).json().at("/data").size()).isZero();
    }

    @Test
    void unlockLiftsAFailedSignInLock() {
        Account admin = platformAdmin();
        Account user = newUser("locked");
        for (int i = 0; i < 5; i++) api.post("/api/v1/auth/signin", Api.map("email", user.email(), "password", "wrong password " + i));
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", user.email(), "password", PASSWORD)).errorCode()).isEqualTo("ACCOUNT_LOCKED");
        Api.Response lockedView = api.get("/api/v1/users/" + user.id(), admin.auth());
        assertThat(lockedView.json().at("/locked").asBoolean()).isTrue();
        assertThat(lockedView.json().at("/lockedUntil").isMissingNode()).isFalse();
        Api.Response unlocked = api.post("/api/v1/admin/users/" + user.id() + "/unlock", null, admin.auth());
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.json().at("/failedAttempts").asInt()).isZero();
        assertThat(unlocked.json().at("/locked").asBoolean()).isFalse();
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", user.email(), "password", PASSWORD)).status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'user.unlocked' AND subject_id = :id", "id", user.id())).isEqualTo(1);
    }

    @Test
    void deletingAUserEndsTheirSessionsButNeverOrphansAnOrganization() {
        Account admin = platformAdmin();
        Account owner = newUser("soleowner");
        String org = createOrg(owner);
        Api.Response refused = api.delete("/api/v1/users/" + owner.id(), null, admin.auth());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("LAST_OWNER");
        assertThat(refused.json().at("/error/details/organizationIds").toString()).contains(org);

        Account member = memberOf(org, "member", "deleteme");
        Api.Response deleted = api.delete("/api/v1/admin/users/" + member.id(), null, admin.auth());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", member.auth()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/" + member.id(), admin.auth()).errorCode()).isEqualTo("USER_NOT_FOUND");
        assertThat(api.get("/api/v1/organizations/" + org, owner.auth()).json().at("/memberCount").asLong()).isEqualTo(1);
        assertThat(api.delete("/api/v1/users/" + admin.id(), null, admin.auth()).errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void adminsListEveryOrganizationAndEveryRoleOfAUser() {
        Account admin = platformAdmin();
        Account owner = newUser("adminorgs");
        String name = "Zebra " + tag();
        String org = createOrg(owner, "name", name);
        Api.Response listed = api.get("/api/v1/admin/organizations?search=" + name.substring(6).toLowerCase() + "&includeTotal=true", admin.auth());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().at("/data").size()).isEqualTo(1);
        assertThat(listed.text("/data/0/id")).isEqualTo(org);
        assertThat(listed.json().at("/data/0/memberCount").asLong()).isEqualTo(1);
        Api.Response roles = api.get("/api/v1/users/" + owner.id() + "/roles", admin.auth());
        assertThat(roles.text("/roles/0/role")).isEqualTo("owner");
        assertThat(roles.json().at("/isPlatformAdmin").asBoolean()).isFalse();
        // platform admins reach any organization
        assertThat(api.get("/api/v1/organizations/" + org + "/members", admin.auth()).status()).isEqualTo(200);
    }
}
