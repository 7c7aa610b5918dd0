package dev.janua.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import dev.janua.server.support.TestMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Invitations: the emailed single-use link, accept as a user or by signing up, revoke, resend, expiry, races. */
class InvitationIntegrationTest extends TenantFixtures {
    private static final Pattern TOKEN = Pattern.compile("token=(inv_[A-Za-z0-9_-]{43})");

    @Test
    void invitedUserAcceptsWithTheEmailedLinkOnce() {
        Account owner = newUser("inviter");
        String org = createOrg(owner, "name", "Invite Co");
        Account invitee = newUser("invitee");
        Api.Response created = api.post("/api/v1/organizations/" + org + "/invitations",
                Api.map("email", invitee.email().toUpperCase(), "role", "admin", "message", "Welcome to Invite Co!"), owner.auth());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/id")).startsWith("inv_");
        assertThat(created.text("/inviteId")).isEqualTo(created.text("/id"));
        assertThat(created.text("/status")).isEqualTo("pending");
        assertThat(created.text("/role")).isEqualTo("admin");
        assertThat(Duration.between(Instant.now(), Instant.parse(created.text("/expiresAt")))).isBetween(Duration.ofDays(6), Duration.ofDays(7));
        assertThat(created.raw().body()).doesNotContain("inv_" + "x").doesNotContain("token");

        String token = TestMail.awaitToken(invitee.email().toUpperCase(), "Invite Co", TOKEN);
        assertThat(count("SELECT COUNT(*) FROM invitations WHERE token_hash = :t", "t", token)).as("only the hash is stored").isZero();
        Api.Response preview = api.get("/api/v1/invitations/accept?token=" + token);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text("/organizationName")).isEqualTo("Invite Co");
        assertThat(preview.text("/role")).isEqualTo("admin");

        Api.Response accepted = api.post("/api/v1/invitations/accept", Api.map("token", token), invitee.auth());
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);
        assertThat(accepted.text("/organization/id")).isEqualTo(org);
        assertThat(accepted.text("/role")).isEqualTo("admin");
        assertThat(api.get("/api/v1/organizations/" + org + "/members/" + invitee.id(), owner.auth()).text("/role")).isEqualTo("admin");
        assertThat(api.get("/api/v1/auth/me", invitee.auth()).json().at("/emailVerified").asBoolean()).as("the link proves the mailbox").isTrue();

        Api.Response again = api.post("/api/v1/invitations/accept", Api.map("token", token), invitee.auth());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("INVITATION_ALREADY_ACCEPTED");
        Api.Response listed = api.get("/api/v1/organizations/" + org + "/invitations?status=accepted", owner.auth());
        assertThat(listed.text("/data/0/status")).isEqualTo("accepted");
        assertThat(listed.text("/data/0/acceptedBy")).isEqualTo(invitee.id());
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'invitation.accepted' AND organization_id = :o", "o", org))
                .isEqualTo(1);
    }

    @Test
    void aNewPersonSignsUpThroughTheInvitationAtTheInvitesAlias() {
        Account owner = newUser("inv2");
        String org = createOrg(owner, "name", "Signup Co");
        String email = uniqueEmail("newcomer");
        Api.Response created = api.post("/v1/organizations/" + org + "/invites", Api.map("email", email, "role", "member"), owner.auth());
        assertThat(created.status()).isEqualTo(201);
        String token = TestMail.awaitToken(email, "Signup Co", TOKEN);

        Api.Response weak = api.post("/api/v1/invitations/accept", Api.map("token", token, "password", "password123"));
        assertThat(weak.errorCode()).isEqualTo("WEAK_PASSWORD");
        Api.Response signedUp = api.post("/api/v1/invites/accept", Api.map("token", token, "password", PASSWORD, "name", "Ada Lovelace"));
        assertThat(signedUp.status()).as(signedUp.raw().body()).isEqualTo(201);
        assertThat(signedUp.text("/user/email")).isEqualTo(email);
        assertThat(signedUp.text("/user/firstName")).isEqualTo("Ada");
        assertThat(signedUp.json().at("/user/emailVerified").asBoolean()).isTrue();
        assertThat(signedUp.text("/organization/id")).isEqualTo(org);
        String access = signedUp.text("/tokens/accessToken");
        assertThat(api.get("/api/v1/organizations/" + org, "Authorization", Api.bearer(access)).text("/userRole")).isEqualTo("member");
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/invitations/accept", Api.map("token", token, "password", PASSWORD)).errorCode())
                .isEqualTo("INVITATION_ALREADY_ACCEPTED");
    }

    @Test
    void onlyTheInvitedAddressMayAcceptAndExistingAccountsSignIn() {
        Account owner = newUser("inv3");
        String org = createOrg(owner);
        Account invitee = newUser("rightful");
        api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", invitee.email()), owner.auth());
        String token = TestMail.awaitToken(invitee.email(), "invited", TOKEN);

        Account intruder = newUser("intruder");
        Api.Response stolen = api.post("/api/v1/invitations/accept", Api.map("token", token), intruder.auth());
        assertThat(stolen.status()).isEqualTo(403);
        assertThat(stolen.errorCode()).isEqualTo("INVITATION_EMAIL_MISMATCH");
        Api.Response takeover = api.post("/api/v1/invitations/accept", Api.map("token", token, "password", "another long passphrase"));
        assertThat(takeover.errorCode()).isEqualTo("EMAIL_ALREADY_EXISTS");
        assertThat(takeover.text("/error/details/reason")).isEqualTo("sign_in_to_accept");
        Api.Response forged = api.post("/api/v1/invitations/accept", Api.map("token", "inv_" + "A".repeat(43)), invitee.auth());
        assertThat(forged.errorCode()).isEqualTo("INVITATION_NOT_FOUND");
        assertThat(api.post("/api/v1/invitations/accept", Api.map("token", token), invitee.auth()).status()).isEqualTo(200);
    }

    @Test
    void revokedInvitationsStopWorking() {
        Account owner = newUser("revoker");
        String org = createOrg(owner);
        String email = uniqueEmail("revoked");
        String id = api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", email), owner.auth()).text("/id");
        String token = TestMail.awaitToken(email, "invited", TOKEN);
        Api.Response revoked = api.delete("/api/v1/organizations/" + org + "/invitations/" + id, null, owner.auth());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.text("/status")).isEqualTo("revoked");
        Api.Response accept = api.post("/api/v1/invitations/accept", Api.map("token", token, "password", PASSWORD));
        assertThat(accept.status()).isEqualTo(410);
        assertThat(accept.errorCode()).isEqualTo("INVITATION_REVOKED");
        assertThat(api.get("/api/v1/invitations/preview?token=" + token).errorCode()).isEqualTo("INVITATION_REVOKED");
        assertThat(api.post("/api/v1/organizations/" + org + "/invitations/" + id + "/revoke", null, owner.auth()).errorCode())
                .isEqualTo("INVITATION_REVOKED");
        assertThat(api.post("/api/v1/organizations/" + org + "/invitations/" + id + "/resend", null, owner.auth()).errorCode())
                .isEqualTo("INVITATION_REVOKED");
    }

    @Test
    void expiredInvitationsSayExpiredAndResendRearmsWithANewLink() {
        Account owner = newUser("expirer");
        String org = createOrg(owner);
        String email = uniqueEmail("late");
        Api.Response created = api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", email, "expiresIn", 3600),
                owner.auth());
        String id = created.text("/id");
        String first = TestMail.awaitToken(email, "invited", TOKEN);
        clock.advance(Duration.ofHours(2));
        Api.Response late = api.post("/api/v1/invitations/accept", Api.map("token", first, "password", PASSWORD));
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.errorCode()).isEqualTo("INVITATION_EXPIRED");
        owner = signIn(owner);
        assertThat(api.get("/api/v1/organizations/" + org + "/invitations?status=expired", owner.auth()).text("/data/0/id")).isEqualTo(id);
        Api.Response resent = api.post("/api/v1/organizations/" + org + "/invitations/" + id + "/resend", null, owner.auth());
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.text("/status")).isEqualTo("pending");
        assertThat(resent.json().at("/sentCount").asInt()).isEqualTo(2);
        String second = awaitNewToken(email, first);
        assertThat(api.post("/api/v1/invitations/accept", Api.map("token", first, "password", PASSWORD)).errorCode())
                .isEqualTo("INVITATION_NOT_FOUND");
        assertThat(api.post("/api/v1/invitations/accept", Api.map("token", second, "password", PASSWORD)).status()).isEqualTo(201);
    }

    @Test
    void invitationRulesDuplicatesDomainsAndLifetimes() {
        Account owner = newUser("rules");
        String org = createOrg(owner, "settings", Api.map("allowedDomains", List.of("example.com")));
        Account member = memberOf(org, "member", "already");
        assertThat(api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", member.email()), owner.auth()).errorCode())
                .isEqualTo("MEMBER_ALREADY_EXISTS");
        String email = uniqueEmail("dup");
        assertThat(api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", email), owner.auth()).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", email), owner.auth()).errorCode())
                .isEqualTo("INVITATION_ALREADY_PENDING");
        Api.Response foreign = api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", "x@elsewhere.org"), owner.auth());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.errorCode()).isEqualTo("DOMAIN_NOT_ALLOWED");
        assertThat(api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", uniqueEmail("ttl"), "expiresIn", 60),
                owner.auth()).text("/error/details/field")).isEqualTo("expiresIn");
        assertThat(api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", "not-an-email"), owner.auth()).errorCode())
                .isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void invitationsCannotGrantMoreThanTheInviterHoldsAndCustomRolesApply() {
        Account owner = newUser("grants");
        String org = createOrg(owner);
        Account member = memberOf(org, "member", "grantmember");
        Account viewer = memberOf(org, "viewer", "grantviewer");
        Api.Response asAdmin = api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", uniqueEmail("x"), "role", "admin"),
                member.auth());
        assertThat(asAdmin.status()).isEqualTo(403);
        assertThat(asAdmin.text("/error/details/reason")).isEqualTo("cannot_grant_more_than_held");
        assertThat(api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", uniqueEmail("x"), "role", "viewer"),
                member.auth()).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", uniqueEmail("x")), viewer.auth()).errorCode())
                .isEqualTo("INSUFFICIENT_PERMISSIONS");

        api.post("/api/v1/roles", Api.map("name", "Content Editor", "permissions", List.of("content:read", "content:write")),
                owner.auth("X-Organization-ID", org));
        String email = uniqueEmail("editor");
        Api.Response custom = api.post("/api/v1/organizations/" + org + "/invitations",
                Api.map("email", email, "role", "member", "customRole", "content-editor"), owner.auth());
        assertThat(custom.text("/role")).isEqualTo("content-editor");
        String token = TestMail.awaitToken(email, "invited", TOKEN);
        Api.Response joined = api.post("/api/v1/invitations/accept", Api.map("token", token, "password", PASSWORD));
        assertThat(joined.text("/role")).isEqualTo("content-editor");
        assertThat(joined.json().at("/invitation/permissions").toString()).contains("content:write");
    }

    @Test
    void hundredConcurrentAcceptsMakeExactlyOneMembership() throws Exception {
        Account owner = newUser("race");
        String org = createOrg(owner);
        Account invitee = newUser("racer");
        api.post("/api/v1/organizations/" + org + "/invitations", Api.map("email", invitee.email()), owner.auth());
        String token = TestMail.awaitToken(invitee.email(), "invited", TOKEN);
        List<Future<Api.Response>> calls = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 100; i++) {
                calls.add(pool.submit(() -> api.post("/api/v1/invitations/accept", Api.map("token", token), invitee.auth())));
            }
        }
        int ok = 0;
        for (Future<Api.Response> f : calls) {
            Api.Response r = f.get();
            if (r.status() == 200) ok++;
            else assertThat(r.errorCode()).as(r.raw().body()).isIn("INVITATION_ALREADY_ACCEPTED", "MEMBER_ALREADY_EXISTS");
        }
        assertThat(ok).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM organization_members WHERE organization_id = :o AND user_id = :u", "o", org, "u", invitee.id()))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'organization.member_added' AND organization_id = :o AND subject_id = :u",
                "o", org, "u", invitee.id())).isEqualTo(1);
    }

    private static String awaitNewToken(String email, String previous) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String t = TestMail.awaitToken(email, "invited", TOKEN);
            if (!t.equals(previous)) return t;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no second invitation email to " + email);
    }
}
