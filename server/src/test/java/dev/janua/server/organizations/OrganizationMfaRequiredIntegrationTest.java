package dev.janua.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import org.junit.jupiter.api.Test;

/** An organization's {@code settings.mfaRequired} makes its members enrol a second factor before a full session. */
class OrganizationMfaRequiredIntegrationTest extends TenantFixtures {

    @Test
    void membersOfAnMfaRequiredOrganizationMustEnrolBeforeTheyGetTokens() {
        Account owner = newUser("mfaorg-owner");
        String org = createOrg(owner, "settings", Api.map("mfaRequired", true));
        Account member = memberOf(org, "member", "mfaorg-member");

        Api.Response signIn = api.post("/api/v1/auth/signin", Api.map("email", member.email(), "password", PASSWORD));
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.json().at("/requiresMfa").asBoolean()).isTrue();
        assertThat(signIn.json().at("/requiresMfaEnrollment").asBoolean()).isTrue();
        assertThat(signIn.json().at("/tokens").isMissingNode()).isTrue();
        assertThat(signIn.text("/mfaToken")).startsWith("tmp_");
    }

    @Test
    void usersOutsideSuchOrganizationsSignInDirectly() {
        Account owner = newUser("mfaorg-free");
        createOrg(owner, "settings", Api.map("mfaRequired", false));
        Api.Response signIn = api.post("/api/v1/auth/signin", Api.map("email", owner.email(), "password", PASSWORD));
        assertThat(signIn.json().at("/requiresMfa").asBoolean(true)).isFalse();
        assertThat(signIn.text("/tokens/accessToken")).isNotBlank();
    }
}
