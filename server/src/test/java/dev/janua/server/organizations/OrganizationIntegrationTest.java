package dev.janua.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Organizations over real HTTP: create, read, list mine, update, delete, slugs and validation. */
class OrganizationIntegrationTest extends TenantFixtures {

    @Test
    void createMakesTheCallerOwnerAndGetShowsMemberCountAndSettings() {
        Account owner = newUser("orgowner");
        String slug = "acme-" + owner.id().substring(4, 14).toLowerCase();
        Api.Response created = api.post("/api/v1/organizations", Api.map("name", "Acme Corporation", "slug", slug,
                "description", "Anvils", "domain", "acme.com", "logoUrl", "https://acme.com/logo.png", "billing_email", "billing@acme.com",
                "settings", Api.map("allowSelfSignup", false, "requireEmailVerification", false, "defaultRole", "viewer",
                        "ssoRequired", true, "mfaRequired", true, "sessionTimeout", 28800,
                        "allowedDomains", List.of("Acme.com", "acme.org"), "allowedIpRanges", List.of("192.168.1.0/24", "2001:db8::/32"))),
                owner.auth());
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(id).startsWith("org_");
        assertThat(created.text("/slug")).isEqualTo(slug);
        assertThat(created.text("/userRole")).isEqualTo("owner");
        assertThat(created.json().at("/userPermissions").toString()).contains("organization:delete", "members:update");

        Api.Response got = api.get("/api/v1/organizations/" + id, owner.auth());
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().at("/memberCount").asLong()).isEqualTo(1);
        assertThat(got.text("/billingEmail")).isEqualTo("billing@acme.com");
        assertThat(got.text("/settings/defaultRole")).isEqualTo("viewer");
        assertThat(got.json().at("/settings/mfaRequired").asBoolean()).isTrue();
        assertThat(got.json().at("/settings/ssoRequired").asBoolean()).isTrue();
        assertThat(got.json().at("/settings/sessionTimeout").asInt()).isEqualTo(28800);
        assertThat(got.json().at("/settings/allowedDomains").toString()).isEqualTo("[\"acme.com\",\"acme.org\"]");
        assertThat(got.json().at("/settings/allowedIpRanges").size()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'organization.created' AND subject_id = :id", "id", id)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'organization.member_added' AND organization_id = :id", "id", id))
                .isEqualTo(1);
    }

    @Test
    void slugIsDerivedFromTheNameAndMustBeUnique() {
        Account owner = newUser("slug");
        String name = "Slug Test " + owner.id().substring(20);
        Api.Response first = api.post("/api/v1/organizations", Api.map("name", name), owner.auth());
        assertThat(first.text("/slug")).isEqualTo(("slug-test-" + owner.id().substring(20)).toLowerCase());
        Api.Response second = api.post("/api/v1/organizations", Api.map("name", name), owner.auth());
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("/slug")).startsWith(first.text("/slug") + "-").isNotEqualTo(first.text("/slug"));

        Api.Response taken = api.post("/api/v1/organizations", Api.map("name", "Other", "slug", first.text("/slug")), owner.auth());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.errorCode()).isEqualTo("SLUG_ALREADY_EXISTS");
        Api.Response bad = api.post("/api/v1/organizations", Api.map("name", "Other", "slug", "Not A Slug!"), owner.auth());
        assertThat(bad.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(bad.text("/error/details/field")).isEqualTo("slug");
    }

    @Test
    void settingsAreValidated() {
        Account owner = newUser("settings");
        assertThat(field(api.post("/api/v1/organizations", Api.map("name", "X", "settings", Api.map("sessionTimeout", 10)), owner.auth())))
                .isEqualTo("settings.sessionTimeout");
        assertThat(field(api.post("/api/v1/organizations", Api.map("name", "X", "settings",
                Api.map("allowedIpRanges", List.of("300.1.1.1/8"))), owner.auth()))).isEqualTo("settings.allowedIpRanges");
        assertThat(field(api.post("/api/v1/organizations", Api.map("name", "X", "settings",
                Api.map("allowedIpRanges", List.of("example.com"))), owner.auth()))).isEqualTo("settings.allowedIpRanges");
        assertThat(field(api.post("/api/v1/organizations", Api.map("name", "X", "settings",
                Api.map("allowedDomains", List.of("not a domain"))), owner.auth()))).isEqualTo("settings.allowedDomains");
        assertThat(field(api.post("/api/v1/organizations", Api.map("name", "X", "settings", Api.map("defaultRole", "owner")), owner.auth())))
                .isEqualTo("settings.defaultRole");
        assertThat(field(api.post("/api/v1/organizations", Api.map("name", "X", "logoUrl", "javascript:alert(1)"), owner.auth())))
                .isEqualTo("logoUrl");
        assertThat(field(api.post("/api/v1/organizations", Api.map("name", " "), owner.auth()))).isEqualTo("name");
    }

    @Test
    void listMineShowsRoleAndPermissionsAndFiltersByRole() {
        Account alice = newUser("mine");
        String owned = createOrg(alice, "name", "Owned");
        Account bob = newUser("other");
        String viewed = createOrg(bob, "name", "Viewed");
        addMember(viewed, alice, "viewer");
        createOrg(bob, "name", "Not Alice's");

        Api.Response mine = api.get("/api/v1/organizations", alice.auth());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().at("/pagination/totalCount").asLong()).isEqualTo(2);
        assertThat(mine.json().at("/data").size()).isEqualTo(2);
        for (var org : mine.json().at("/data")) {
            String role = org.at("/userRole").asString();
            if (org.at("/id").asString().equals(owned)) assertThat(role).isEqualTo("owner");
            else {
                assertThat(org.at("/id").asString()).isEqualTo(viewed);
                assertThat(role).isEqualTo("viewer");
                assertThat(org.at("/userPermissions").toString()).contains("organization:read").doesNotContain("members:update");
                assertThat(org.at("/memberCount").asLong()).isEqualTo(2);
            }
        }
        Api.Response viewerOnly = api.get("/api/v1/organizations?role=viewer", alice.auth());
        assertThat(viewerOnly.json().at("/data").size()).isEqualTo(1);
        assertThat(viewerOnly.text("/data/0/id")).isEqualTo(viewed);

        Api.Response paged = api.get("/api/v1/organizations?limit=1", alice.auth());
        assertThat(paged.json().at("/pagination/hasMore").asBoolean()).isTrue();
        Api.Response next = api.get("/api/v1/organizations?limit=1&cursor=" + paged.text("/pagination/nextCursor"), alice.auth());
        assertThat(next.text("/data/0/id")).isNotEqualTo(paged.text("/data/0/id"));
        assertThat(next.json().at("/pagination/hasMore").asBoolean()).isFalse();
    }

    @Test
    void updateByPutAndPatchMergesFieldsAndSettings() {
        Account owner = newUser("update");
        String id = createOrg(owner, "name", "Before", "description", "old", "settings", Api.map("mfaRequired", false, "sessionTimeout", 3600));
        Api.Response put = api.put("/api/v1/organizations/" + id, Api.map("name", "After", "logo", "https://x.example/l.png",
                "settings", Api.map("mfaRequired", true, "sessionTimeout", 14400)), owner.auth());
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.text("/name")).isEqualTo("After");
        assertThat(put.text("/description")).isEqualTo("old");
        assertThat(put.text("/logoUrl")).isEqualTo("https://x.example/l.png");
        assertThat(put.json().at("/settings/mfaRequired").asBoolean()).isTrue();
        assertThat(put.json().at("/settings/sessionTimeout").asInt()).isEqualTo(14400);

        Api.Response patch = api.patch("/v1/organizations/" + id, Api.map("description", "", "settings", Api.map("session_timeout", 0)),
                owner.auth());
        assertThat(patch.status()).isEqualTo(200);
        assertThat(patch.json().at("/description").isMissingNode()).isTrue();
        assertThat(patch.json().at("/settings/sessionTimeout").isMissingNode() || patch.json().at("/settings/sessionTimeout").isNull()).isTrue();
        assertThat(patch.json().at("/settings/mfaRequired").asBoolean()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'organization.updated' AND subject_id = :id", "id", id)).isEqualTo(2);
    }

    @Test
    void onlyAnOwnerDeletesAndDeletionTakesMembershipsWithIt() {
        Account owner = newUser("del");
        String id = createOrg(owner);
        Account admin = memberOf(id, "admin", "deladmin");
        Api.Response denied = api.delete("/api/v1/organizations/" + id, null, admin.auth());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");

        Api.Response deleted = api.delete("/api/v1/organizations/" + id, null, owner.auth());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/organizations/" + id, owner.auth()).errorCode()).isEqualTo("ORGANIZATION_NOT_FOUND");
        assertThat(count("SELECT COUNT(*) FROM organization_members WHERE organization_id = :id", "id", id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'organization.deleted' AND subject_id = :id", "id", id)).isEqualTo(1);
    }

    @Test
    void organizationsNeedAnAuthenticatedCaller() {
        assertThat(api.get("/api/v1/organizations").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/organizations", Api.map("name", "x")).status()).isEqualTo(401);
    }

    @Test
    void theOpenApiSpecDescribesTheseEndpoints() {
        Api.Response spec = api.get("/openapi.json");
        assertThat(spec.status()).isEqualTo(200);
        String paths = spec.json().at("/paths").toString();
        for (String path : List.of("/api/v1/organizations", "/api/v1/organizations/{organizationId}/members/{userId}/role",
                "/api/v1/organizations/{organizationId}/invitations", "/api/v1/invitations/accept", "/api/v1/roles/{roleId}",
                "/api/v1/permissions", "/api/v1/users/{userId}/permissions/check", "/api/v1/api-keys", "/api/v1/admin/users/{userId}/suspend",
                "/api/v1/admin/organizations", "/api/v1/users/by-email")) {
            assertThat(paths).as(path).contains("\"" + path + "\"");
        }
        assertThat(spec.json().at("/paths/~1api~1v1~1organizations/post/summary").asString()).contains("owner");
        List<String> params = new java.util.ArrayList<>();
        spec.json().at("/paths/~1api~1v1~1organizations/get/parameters").forEach(p -> params.add(p.at("/name").asString()));
        assertThat(params).as("the caller is not a request parameter").containsExactlyInAnyOrder("role", "limit", "cursor", "page");
        assertThat(spec.json().at("/paths/~1api~1v1~1organizations/get/security").toString()).contains("bearer", "apiKey");
        assertThat(spec.json().at("/paths/~1api~1v1~1auth~1me/get/security").toString()).contains("bearer").doesNotContain("apiKey");
        assertThat(spec.json().at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-API-Key");
    }

    private static String field(Api.Response r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(422);
        return r.text("/error/details/field");
    }
}
