package dev.janua.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Organization settings take effect: sessionTimeout, requireEmailVerification, allowedDomains, self-signup, defaultRole, mfaRequired. */
class OrganizationSettingsIntegrationTest extends TenantFixtures {
    @Autowired
    OrganizationDirectory directory;

    @Test
    void sessionTimeoutShortensMembersSessionsOnly() {
        Account owner = newUser("timeout");
        String org = createOrg(owner, "settings", Api.map("sessionTimeout", 600));
        Account member = memberOf(org, "viewer", "short");
        Account outsider = newUser("long");

        Api.Response memberIn = api.post("/api/v1/auth/signin", Api.map("email", member.email(), "password", PASSWORD, "rememberMe", true));
        Api.Response outsiderIn = api.post("/api/v1/auth/signin", Api.map("email", outsider.email(), "password", PASSWORD));
        Instant now = Instant.now();
        assertThat(Duration.between(now, Instant.parse(memberIn.text("/session/expiresAt")))).isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(Duration.between(now, Instant.parse(outsiderIn.text("/session/expiresAt")))).isGreaterThan(Duration.ofHours(23));
        assertThat(directory.sessionTimeoutFor(member.id())).contains(Duration.ofSeconds(600));

        clock.advance(Duration.ofMinutes(11));
        Api.Response memberMe = api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(memberIn)));
        assertThat(memberMe.status()).isEqualTo(401);
        assertThat(memberMe.errorCode()).isEqualTo("SESSION_EXPIRED");
        assertThat(api.post("/api/v1/auth/refresh", Api.map("refreshToken", refreshToken(memberIn))).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(outsiderIn))).status()).isEqualTo(200);
    }

    @Test
    void requireEmailVerificationKeepsUnverifiedMembersOut() {
        Account owner = newUser("verifier");
        String org = createOrg(owner);
        Account member = memberOf(org, "member", "unverified");
        jdbc.sql("UPDATE users SET email_verified = TRUE WHERE id = :id").param("id", owner.id()).update();
        api.patch("/api/v1/organizations/" + org, Api.map("settings", Api.map("requireEmailVerification", true)), owner.auth());

        Api.Response blocked = api.get("/api/v1/organizations/" + org, member.auth());
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.errorCode()).isEqualTo("EMAIL_NOT_VERIFIED");
        Api.Response check = api.post("/api/v1/users/" + member.id() + "/permissions/check",
                Api.map("permissions", List.of("organization:read"), "context", Api.map("organizationId", org)), owner.auth());
        assertThat(check.text("/results/0/reason")).isEqualTo("email_not_verified");
        Account unverified = newUser("addunverified");
        assertThat(api.post("/api/v1/organizations/" + org + "/members", Api.map("userId", unverified.id(), "role", "viewer"),
                platformAdmin().auth()).errorCode()).isEqualTo("EMAIL_NOT_VERIFIED");

        jdbc.sql("UPDATE users SET email_verified = TRUE WHERE id = :id").param("id", member.id()).update();
        assertThat(api.get("/api/v1/organizations/" + org, member.auth()).status()).isEqualTo(200);
    }

    @Test
    void selfSignupFollowsAllowedDomainsVerificationAndTheDefaultRole() {
        Account owner = newUser("selfsignup");
        String open = createOrg(owner, "settings", Api.map("allowSelfSignup", true, "allowedDomains", List.of("example.com"),
                "defaultRole", "viewer"));
        String closed = createOrg(owner);
        Account joiner = newUser("joiner");
        Api.Response joined = api.post("/api/v1/organizations/" + open + "/join", null, joiner.auth());
        assertThat(joined.status()).as(joined.raw().body()).isEqualTo(201);
        assertThat(joined.text("/role")).isEqualTo("viewer");
        assertThat(api.post("/api/v1/organizations/" + open + "/join", null, joiner.auth()).errorCode()).isEqualTo("MEMBER_ALREADY_EXISTS");
        assertThat(api.post("/api/v1/organizations/" + closed + "/join", null, joiner.auth()).errorCode()).isEqualTo("ORGANIZATION_NOT_FOUND");

        Api.Response outsider = api.post("/api/v1/auth/signup", Api.map("email", "someone-" + owner.id().substring(20) + "@other.org",
                "password", PASSWORD));
        Api.Response foreign = api.post("/api/v1/organizations/" + open + "/join", null, "Authorization", Api.bearer(accessToken(outsider)));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.errorCode()).isEqualTo("DOMAIN_NOT_ALLOWED");

        api.patch("/api/v1/organizations/" + open, Api.map("settings", Api.map("requireEmailVerification", true)), owner.auth());
        assertThat(api.post("/api/v1/organizations/" + open + "/join", null, newUser("late").auth()).errorCode()).isEqualTo("EMAIL_NOT_VERIFIED");

        // the default role also applies to invitations that name none
        Api.Response invited = api.post("/api/v1/organizations/" + closed + "/invitations", Api.map("email", uniqueEmail("d")), owner.auth());
        assertThat(invited.text("/role")).isEqualTo("member");
        api.patch("/api/v1/organizations/" + closed, Api.map("settings", Api.map("defaultRole", "viewer")), owner.auth());
        assertThat(api.post("/api/v1/organizations/" + closed + "/invitations", Api.map("email", uniqueEmail("d")), owner.auth()).text("/role"))
                .isEqualTo("viewer");
    }

    @Test
    void mfaRequiredIsStoredExposedAndAnsweredForTheMfaModule() {
        Account owner = newUser("mfa");
        String org = createOrg(owner);
        Account member = memberOf(org, "member", "mfamember");
        assertThat(directory.mfaRequiredFor(member.id())).isFalse();
        Api.Response updated = api.patch("/api/v1/organizations/" + org, Api.map("settings", Api.map("mfaRequired", true)), owner.auth());
        assertThat(updated.json().at("/settings/mfaRequired").asBoolean()).isTrue();
        assertThat(directory.mfaRequiredFor(member.id())).isTrue();
        assertThat(directory.mfaRequiredFor(newUser("nomfa").id())).isFalse();
    }
}
