package dev.janua.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Members: listing, role changes (both seed forms), removal, and the owner rules. */
class MemberIntegrationTest extends TenantFixtures {

    @Test
    void listFiltersByRoleSearchesByNameOrEmailAndPages() {
        Account owner = newUser("lister");
        String org = createOrg(owner);
        Account grace = memberOf(org, "admin", "grace");
        api.patch("/api/v1/users/me", Api.map("firstName", "Grace", "lastName", "Hopper"), grace.auth());
        for (int i = 0; i < 3; i++) memberOf(org, "viewer", "viewer" + i);

        Api.Response all = api.get("/api/v1/organizations/" + org + "/members", owner.auth());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().at("/pagination/totalCount").asLong()).isEqualTo(5);
        var first = all.json().at("/data/0");
        assertThat(first.at("/email").asString()).contains("@example.com");
        assertThat(first.at("/joinedAt").isMissingNode()).isFalse();

        Api.Response viewers = api.get("/api/v1/organizations/" + org + "/members?role=viewer", owner.auth());
        assertThat(viewers.json().at("/data").size()).isEqualTo(3);
        viewers.json().at("/data").forEach(m -> assertThat(m.at("/role").asString()).isEqualTo("viewer"));

        Api.Response byName = api.get("/api/v1/organizations/" + org + "/members?search=hopp", owner.auth());
        assertThat(byName.json().at("/data").size()).isEqualTo(1);
        assertThat(byName.text("/data/0/id")).isEqualTo(grace.id());
        assertThat(byName.text("/data/0/role")).isEqualTo("admin");
        assertThat(byName.json().at("/data/0/permissions").toString()).contains("members:update");
        Api.Response byEmail = api.get("/api/v1/organizations/" + org + "/members?search=" + grace.email().substring(0, 12), owner.auth());
        assertThat(byEmail.text("/data/0/id")).isEqualTo(grace.id());
        // LIKE wildcards in the term are literal
        assertThat(api.get("/api/v1/organizations/" + org + "/members?search=%25", owner.auth()).json().at("/data").size()).isZero();

        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            Api.Response page = api.get("/api/v1/organizations/" + org + "/members?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    owner.auth());
            page.json().at("/data").forEach(m -> assertThat(seen.add(m.at("/id").asString())).isTrue());
            cursor = page.json().at("/pagination/hasMore").asBoolean() ? page.text("/pagination/nextCursor") : null;
        } while (cursor != null);
        assertThat(seen).hasSize(5);
        Api.Response page3 = api.get("/api/v1/organizations/" + org + "/members?limit=2&page=3", owner.auth());
        assertThat(page3.json().at("/data").size()).isEqualTo(1);
        assertThat(page3.json().at("/pagination/page").asInt()).isEqualTo(3);
    }

    @Test
    void changeRoleByPatchAndBySeedPostWithExtraPermissions() {
        Account owner = newUser("roles");
        String org = createOrg(owner);
        Account m = memberOf(org, "member", "promote");
        Api.Response patched = api.patch("/api/v1/organizations/" + org + "/members/" + m.id(), Api.map("role", "admin"), owner.auth());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("/role")).isEqualTo("admin");

        Api.Response posted = api.post("/api/v1/organizations/" + org + "/members/" + m.id() + "/role",
                Api.map("role", "viewer", "permissions", List.of("billing:read", "content:write")), owner.auth());
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.text("/role")).isEqualTo("viewer");
        assertThat(posted.json().at("/extraPermissions").toString()).isEqualTo("[\"billing:read\",\"content:write\"]");
        assertThat(posted.json().at("/permissions").toString()).contains("billing:read", "content:write", "organization:read")
                .doesNotContain("members:update");
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'organization.role_changed' AND subject_id = :id",
                "id", m.id())).isEqualTo(2);

        Api.Response unknown = api.patch("/api/v1/organizations/" + org + "/members/" + m.id(), Api.map("role", "emperor"), owner.auth());
        assertThat(unknown.errorCode()).isEqualTo("ROLE_NOT_FOUND");
        Api.Response platformPerm = api.patch("/api/v1/organizations/" + org + "/members/" + m.id(),
                Api.map("permissions", List.of("users:delete")), owner.auth());
        assertThat(platformPerm.errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void lastOwnerCanBeNeitherRemovedNorDemotedButMayHandOver() {
        Account owner = newUser("last");
        String org = createOrg(owner);
        Api.Response demote = api.patch("/api/v1/organizations/" + org + "/members/" + owner.id(), Api.map("role", "admin"), owner.auth());
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.errorCode()).isEqualTo("LAST_OWNER");
        Api.Response leave = api.delete("/api/v1/organizations/" + org + "/members/me", null, owner.auth());
        assertThat(leave.errorCode()).isEqualTo("LAST_OWNER");

        Account next = memberOf(org, "member", "heir");
        assertThat(api.patch("/api/v1/organizations/" + org + "/members/" + next.id(), Api.map("role", "owner"), owner.auth()).status())
                .isEqualTo(200);
        assertThat(api.delete("/api/v1/organizations/" + org + "/members/me", null, owner.auth()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/organizations/" + org, owner.auth()).errorCode()).isEqualTo("ORGANIZATION_NOT_FOUND");
        Api.Response lastAgain = api.delete("/api/v1/organizations/" + org + "/members/" + next.id(), null, next.auth());
        assertThat(lastAgain.errorCode()).isEqualTo("LAST_OWNER");
        // deleting one's account would orphan the organization too
        Api.Response deleteAccount = api.delete("/api/v1/users/me", "{\"password\":\"" + PASSWORD + "\",\"confirmation\":\"DELETE\"}",
                next.auth("Content-Type", "application/json"));
        assertThat(deleteAccount.errorCode()).isEqualTo("LAST_OWNER");
    }

    @Test
    void twoOwnersDemotingEachOtherAtOnceLeaveOneOwner() throws Exception {
        Account a = newUser("dualA");
        String org = createOrg(a);
        Account b = memberOf(org, "owner", "dualB");
        for (int round = 0; round < 3; round++) {
            var pool = Executors.newFixedThreadPool(2);
            CompletableFuture<Api.Response> ab = CompletableFuture.supplyAsync(() ->
                    api.patch("/api/v1/organizations/" + org + "/members/" + b.id(), Api.map("role", "admin"), a.auth()), pool);
            CompletableFuture<Api.Response> ba = CompletableFuture.supplyAsync(() ->
                    api.patch("/api/v1/organizations/" + org + "/members/" + a.id(), Api.map("role", "admin"), b.auth()), pool);
            List<Integer> statuses = List.of(ab.get().status(), ba.get().status());
            pool.shutdown();
            assertThat(count("SELECT COUNT(*) FROM organization_members WHERE organization_id = :o AND role_id = 'role_owner'", "o", org))
                    .isEqualTo(1);
            assertThat(statuses).contains(200);
            // restore two owners for the next round
            String remaining = jdbc.sql("SELECT user_id FROM organization_members WHERE organization_id = :o AND role_id = 'role_owner'")
                    .param("o", org).query(String.class).single();
            String demoted = remaining.equals(a.id()) ? b.id() : a.id();
            Account remainingOwner = remaining.equals(a.id()) ? a : b;
            assertThat(api.patch("/api/v1/organizations/" + org + "/members/" + demoted, Api.map("role", "owner"), remainingOwner.auth())
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void adminsCannotTouchOwnersOrGrantMoreThanTheyHold() {
        Account owner = newUser("esc");
        String org = createOrg(owner);
        Account admin = memberOf(org, "admin", "escadmin");
        Account member = memberOf(org, "member", "escmember");

        Api.Response makeOwner = api.patch("/api/v1/organizations/" + org + "/members/" + member.id(), Api.map("role", "owner"), admin.auth());
        assertThat(makeOwner.status()).isEqualTo(403);
        assertThat(makeOwner.text("/error/details/reason")).isEqualTo("owner_required");
        Api.Response demoteOwner = api.patch("/api/v1/organizations/" + org + "/members/" + owner.id(), Api.map("role", "viewer"), admin.auth());
        assertThat(demoteOwner.status()).isEqualTo(403);
        Api.Response removeOwner = api.delete("/api/v1/organizations/" + org + "/members/" + owner.id(), null, admin.auth());
        assertThat(removeOwner.status()).isEqualTo(403);
        Api.Response selfPromote = api.patch("/api/v1/organizations/" + org + "/members/" + admin.id(), Api.map("role", "owner"), admin.auth());
        assertThat(selfPromote.status()).isEqualTo(403);

        // admins manage non-owners
        assertThat(api.patch("/api/v1/organizations/" + org + "/members/" + member.id(), Api.map("role", "viewer"), admin.auth()).status())
                .isEqualTo(200);
        assertThat(api.delete("/api/v1/organizations/" + org + "/members/" + member.id(), null, admin.auth()).status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'organization.member_removed' AND subject_id = :id", "id", member.id()))
                .isEqualTo(1);
    }

    @Test
    void membersLeaveButPeopleCannotAddStrangersDirectly() {
        Account owner = newUser("leave");
        String org = createOrg(owner);
        Account viewer = memberOf(org, "viewer", "leaver");
        Api.Response getSelf = api.get("/api/v1/organizations/" + org + "/members/me", viewer.auth());
        assertThat(getSelf.text("/role")).isEqualTo("viewer");
        assertThat(api.delete("/api/v1/organizations/" + org + "/members/" + viewer.id(), null, viewer.auth()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/organizations/" + org, viewer.auth()).status()).isEqualTo(404);

        Account stranger = newUser("stranger");
        Api.Response direct = api.post("/api/v1/organizations/" + org + "/members", Api.map("userId", stranger.id(), "role", "member"),
                owner.auth());
        assertThat(direct.status()).isEqualTo(403);
        assertThat(direct.text("/error/details/reason")).isEqualTo("use_invitations");
        Api.Response twice = api.post("/api/v1/organizations/" + org + "/members", Api.map("userId", owner.id(), "role", "member"),
                platformAdmin().auth());
        assertThat(twice.errorCode()).isEqualTo("MEMBER_ALREADY_EXISTS");
    }

    @Test
    void unknownMembersAndUsersAnswer404() {
        Account owner = newUser("nf");
        String org = createOrg(owner);
        List<Api.Response> rs = new ArrayList<>();
        rs.add(api.get("/api/v1/organizations/" + org + "/members/usr_nobody", owner.auth()));
        rs.add(api.patch("/api/v1/organizations/" + org + "/members/usr_nobody", Api.map("role", "admin"), owner.auth()));
        rs.add(api.delete("/api/v1/organizations/" + org + "/members/usr_nobody", null, owner.auth()));
        rs.forEach(r -> assertThat(r.errorCode()).isEqualTo("MEMBER_NOT_FOUND"));
    }
}
