package dev.janua.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import org.junit.jupiter.api.Test;

/**
 * The per-node cache of live sessions and users (docs/sessions.md, "Per-node cache"): every change that
 * ends a session or alters a user is seen by the very next request on this node, however often the
 * session was checked and the user read before. Runs on H2 and PostgreSQL.
 */
class AuthCacheIntegrationTest extends TenantFixtures {

    /** Calls /auth/me a few times, so the session and the user are surely cached. */
    private void warm(Account a) {
        for (int i = 0; i < 3; i++) assertThat(api.get("/api/v1/auth/me", a.auth()).status()).isEqualTo(200);
    }

    @Test
    void signOutIsRefusedOnTheNextRequest() {
        Account a = newUser("cache-signout");
        warm(a);
        assertThat(api.post("/api/v1/auth/signout", null, a.auth()).status()).isBetween(200, 204);
        assertThat(api.get("/api/v1/auth/me", a.auth()).errorCode()).isEqualTo("SESSION_EXPIRED");
    }

    @Test
    void revokingAnotherSessionRefusesItOnTheNextRequest() {
        Account a = newUser("cache-revoke");
        Account other = signIn(a);
        warm(other);
        String otherSession = api.get("/api/v1/sessions/current", other.auth()).text("/id");
        assertThat(api.delete("/api/v1/sessions/" + otherSession, null, a.auth()).status()).isBetween(200, 204);
        assertThat(api.get("/api/v1/auth/me", other.auth()).errorCode()).isEqualTo("SESSION_EXPIRED");
        assertThat(api.get("/api/v1/auth/me", a.auth()).status()).isEqualTo(200);
    }

    @Test
    void changingThePasswordSignsOutEveryOtherCachedSession() {
        Account a = newUser("cache-password");
        Account other = signIn(a);
        warm(a);
        warm(other);
        Api.Response changed = api.post("/api/v1/users/me/password",
                Api.map("currentPassword", PASSWORD, "newPassword", "another horse battery staple"), a.auth());
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", other.auth()).errorCode()).isEqualTo("SESSION_EXPIRED");
        assertThat(api.get("/api/v1/auth/me", a.auth()).status()).isEqualTo(200);
    }

    @Test
    void suspendingOrDeletingAUserRefusesItsCachedSessions() {
        Account suspended = newUser("cache-suspend");
        Account deleted = newUser("cache-delete");
        warm(suspended);
        warm(deleted);
        Api.Response s = api.post("/api/v1/admin/users/" + suspended.id() + "/suspend", Api.map("reason", "test"), platformAdmin().auth());
        assertThat(s.status()).as(s.raw().body()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", suspended.auth()).status()).isEqualTo(401);

        Api.Response d = api.delete("/api/v1/admin/users/" + deleted.id(), null, platformAdmin().auth());
        assertThat(d.status()).as(d.raw().body()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", deleted.auth()).status()).isEqualTo(401);
    }

    @Test
    void aProfileChangeShowsInTheNextMe() {
        Account a = newUser("cache-profile");
        warm(a);
        assertThat(api.patch("/api/v1/users/me", Api.map("firstName", "Changed"), a.auth()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", a.auth()).text("/firstName")).isEqualTo("Changed");

        Api.Response byAdmin = api.patch("/api/v1/admin/users/" + a.id(), Api.map("lastName", "ByAdmin"), platformAdmin().auth());
        assertThat(byAdmin.status()).as(byAdmin.raw().body()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", a.auth()).text("/lastName")).isEqualTo("ByAdmin");
    }

    @Test
    void aRemovedMemberLosesTheOrganizationOnTheNextRequest() {
        Account owner = newUser("cache-owner");
        String org = createOrg(owner);
        Account member = memberOf(org, "member", "cache-member");
        warm(member);
        assertThat(api.get("/api/v1/organizations/" + org, member.auth()).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/organizations/" + org + "/members/" + member.id(), null, owner.auth()).status())
                .isBetween(200, 204);
        assertThat(api.get("/api/v1/organizations/" + org, member.auth()).status()).isIn(403, 404);
        assertThat(api.get("/api/v1/auth/me", member.auth()).status()).isEqualTo(200);
    }
}
