package dev.janua.server.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API keys: shown once, hashed at rest, scoped, permissioned, expiring, revocable; both header forms. */
class ApiKeyIntegrationTest extends TenantFixtures {

    @Test
    void anOrganizationKeyIsShownOnceStoredHashedAndWorksInBothHeaderForms() {
        Account owner = newUser("keyowner");
        String org = createOrg(owner);
        Account member = memberOf(org, "viewer", "keyview");
        Api.Response created = api.post("/api/v1/organizations/" + org + "/api-keys", Api.map("name", "Backend",
                "permissions", List.of("organization:read", "members:read", "members:invite", "roles:read")), owner.auth());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String key = created.text("/key");
        assertThat(key).startsWith("sk_").hasSize(46);
        assertThat(created.text("/id")).startsWith("key_");
        assertThat(created.text("/keyPrefix")).isEqualTo(key.substring(0, 11));
        assertThat(created.text("/scope")).isEqualTo("organization");
        assertThat(count("SELECT COUNT(*) FROM api_keys WHERE key_hash = :h", "h", Hashes.sha256Hex(key))).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM api_keys WHERE key_hash = :k OR key_prefix = :k", "k", key)).isZero();

        Api.Response listed = api.get("/api/v1/api-keys", owner.auth("X-Organization-ID", org));
        assertThat(listed.json().at("/data/0/key").isMissingNode()).isTrue();
        assertThat(listed.text("/data/0/status")).isEqualTo("active");

        Api.Response bearer = api.get("/api/v1/organizations/" + org + "/members", "Authorization", "Bearer " + key);
        assertThat(bearer.status()).isEqualTo(200);
        assertThat(bearer.json().at("/pagination/totalCount").asLong()).isEqualTo(2);
        Api.Response header = api.get("/v1/organizations/" + org + "/members/" + member.id(), "X-API-Key", key);
        assertThat(header.text("/role")).isEqualTo("viewer");
        Api.Response mine = api.get("/api/v1/organizations", "X-API-Key", key);
        assertThat(mine.json().at("/data").size()).isEqualTo(1);
        assertThat(mine.text("/data/0/id")).isEqualTo(org);
        assertThat(count("SELECT COUNT(*) FROM api_keys WHERE id = :id AND last_used_at IS NOT NULL", "id", created.text("/id"))).isEqualTo(1);

        // an organization's key invites people; it cannot add them without their consent (a membership
        // imposes the organization's mfaRequired and sessionTimeout on the user)
        Account added = newUser("added");
        Api.Response direct = api.post("/api/v1/organizations/" + org + "/members", Api.map("userId", added.id(), "role", "viewer"),
                "X-API-Key", key);
        assertThat(direct.status()).isEqualTo(403);
        assertThat(direct.text("/error/details/reason")).isEqualTo("use_invitations");
        assertThat(api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", uniqueEmail("byKey"), "role", "viewer"),
                "X-API-Key", key).status()).isEqualTo(201);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'organization.member_added' AND actor_id = :k", "k",
                created.text("/id"))).isZero();
    }

    @Test
    void aKeyDoesOnlyWhatItsPermissionsAndScopeAllow() {
        Account owner = newUser("keyscope");
        String org = createOrg(owner);
        String other = createOrg(newUser("elsewhere"));
        String key = api.post("/api/v1/api-keys", Api.map("name", "Reader", "permissions", List.of("members:read")),
                owner.auth("X-Organization-ID", org)).text("/key");
        Api.Response update = api.patch("/api/v1/organizations/" + org, Api.map("name", "nope"), "X-API-Key", key);
        assertThat(update.status()).isEqualTo(403);
        assertThat(update.errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(api.get("/api/v1/organizations/" + other + "/members", "X-API-Key", key).errorCode()).isEqualTo("ORGANIZATION_NOT_FOUND");
        assertThat(api.get("/api/v1/organizations/" + org + "/members", "X-API-Key", key, "X-Organization-ID", other).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/roles", "X-API-Key", key, "X-Organization-ID", other).errorCode()).isEqualTo("ORGANIZATION_NOT_FOUND");
        Api.Response me = api.get("/api/v1/auth/me", "Authorization", "Bearer " + key);
        assertThat(me.status()).isEqualTo(403);
        assertThat(me.text("/error/details/reason")).isEqualTo("user_session_required");
        assertThat(api.get("/api/v1/users", "X-API-Key", key).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/organizations/" + org + "/api-keys", Api.map("name", "child", "permissions", List.of("members:read")),
                "X-API-Key", key).status()).isEqualTo(403);
    }

    @Test
    void keysCannotHoldMoreThanTheirCreatorAndPlatformKeysNeedAPlatformAdmin() {
        Account owner = newUser("keyesc");
        String org = createOrg(owner);
        Account admin = memberOf(org, "admin", "keyadmin");
        Account member = memberOf(org, "member", "keymember");
        Api.Response tooMuch = api.post("/api/v1/organizations/" + org + "/api-keys", Api.map("name", "x",
                "permissions", List.of("organization:delete")), admin.auth());
        assertThat(tooMuch.status()).isEqualTo(403);
        assertThat(tooMuch.text("/error/details/reason")).isEqualTo("cannot_grant_more_than_held");
        assertThat(api.post("/api/v1/organizations/" + org + "/api-keys", Api.map("name", "x", "permissions", List.of("members:read")),
                member.auth()).errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(api.post("/api/v1/organizations/" + org + "/api-keys", Api.map("name", "x", "permissions", List.of("users:read")),
                owner.auth()).errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/organizations/" + org + "/api-keys", Api.map("name", "x", "permissions", List.of()),
                owner.auth()).errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/api-keys", Api.map("name", "x", "scope", "platform", "permissions", List.of("users:read")),
                owner.auth()).errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(api.post("/api/v1/api-keys", Api.map("name", "x", "permissions", List.of("members:read")), owner.auth()).errorCode())
                .isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void revokedAndExpiredKeysStopWorkingAtOnce() {
        Account owner = newUser("keyend");
        String org = createOrg(owner);
        Api.Response a = api.post("/api/v1/organizations/" + org + "/api-keys", Api.map("name", "a", "permissions", List.of("members:read")),
                owner.auth());
        Api.Response b = api.post("/api/v1/organizations/" + org + "/api-keys", Api.map("name", "b", "permissions", List.of("members:read"),
                "expiresIn", 3600), owner.auth());
        assertThat(api.get("/api/v1/organizations/" + org + "/members", "X-API-Key", a.text("/key")).status()).isEqualTo(200);

        Api.Response revoked = api.delete("/api/v1/organizations/" + org + "/api-keys/" + a.text("/id"), null, owner.auth());
        assertThat(revoked.text("/status")).isEqualTo("revoked");
        Api.Response afterRevoke = api.get("/api/v1/organizations/" + org + "/members", "X-API-Key", a.text("/key"));
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.errorCode()).isEqualTo("INVALID_API_KEY");
        assertThat(afterRevoke.text("/error/details/reason")).isEqualTo("revoked");
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'api_key.revoked' AND subject_id = :id", "id", a.text("/id")))
                .isEqualTo(1);

        clock.advance(Duration.ofHours(2));
        Api.Response expired = api.get("/api/v1/organizations/" + org + "/members", "Authorization", "Bearer " + b.text("/key"));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.text("/error/details/reason")).isEqualTo("expired");
        assertThat(api.get("/api/v1/organizations/" + org + "/members", "X-API-Key", "sk_" + "x".repeat(43)).text("/error/details/reason"))
                .isEqualTo("unknown");
        assertThat(api.get("/api/v1/organizations/" + org + "/members", "X-API-Key", "not-a-key").text("/error/details/reason"))
                .isEqualTo("malformed");
        assertThat(api.post("/api/v1/api-keys", Api.map("name", "past", "permissions", List.of("members:read"),
                "expiresAt", "2020-01-01T00:00:00Z"), signIn(owner).auth("X-Organization-ID", org)).errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void platformKeysReachTheAdminApiWithinTheirPermissions() {
        Account admin = platformAdmin();
        Api.Response created = api.post("/api/v1/api-keys", Api.map("name", "Ops", "scope", "platform",
                "permissions", List.of("users:read", "organizations:read", "organizations:write", "members:read")), admin.auth());
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.text("/scope")).isEqualTo("platform");
        String key = created.text("/key");
        assertThat(api.get("/api/v1/admin/users?limit=5", "X-API-Key", key).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/organizations?limit=5", "X-API-Key", key).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/users", Api.map("email", uniqueEmail("nope")), "X-API-Key", key).status()).isEqualTo(403);

        Account someone = newUser("platformowned");
        Api.Response org = api.post("/api/v1/organizations", Api.map("name", "Provisioned", "ownerId", someone.id()), "X-API-Key", key);
        assertThat(org.status()).as(org.raw().body()).isEqualTo(201);
        assertThat(api.get("/api/v1/organizations/" + org.text("/id"), someone.auth()).text("/userRole")).isEqualTo("owner");
        assertThat(api.get("/api/v1/organizations/" + org.text("/id") + "/members", "X-API-Key", key).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/organizations/" + org.text("/id"), Api.map("name", "x"), "X-API-Key", key).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/api-keys", admin.auth()).json().at("/data").toString()).contains(created.text("/id"));
        assertThat(api.get("/api/v1/api-keys", "X-API-Key", key).status()).as("platform keys are managed by people").isEqualTo(403);
    }
}
