package dev.janua.server.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Enterprise SAML SSO end to end over real HTTP: an organization configures its IdP (metadata by
 * URL), verifies its domain through DNS, and its people sign in SP-initiated and IdP-initiated with
 * responses the test IdP signs — JIT provisioning, role from groups, profile kept in step,
 * home-realm discovery, ssoRequired, certificate rollover, and the events of each step.
 */
class SamlSsoIntegrationTest extends SsoTestSupport {

    @Test
    void spInitiatedSignInProvisionsJustInTimeAndEndsInABrowserSession() {
        SsoOrg o = ssoOrg();
        BrowserClient browser = new BrowserClient(api.base());
        String requestId = startLogin(browser, o.id(), "/hosted/account");
        SamlTestIdp.Assertion a = o.idp().assertion(o.spEntityId(), o.acsUrl(), o.email("ada"));
        a.inResponseTo = requestId;
        a.attribute("firstName", "Ada").attribute("lastName", "Lovelace").attribute("groups", "janua-admins", "staff");
        HttpResponse<String> acs = postAcs(browser, o.acsPath(), o.idp().signedResponse(a, IDP_KEY), "ignored-when-sp-initiated");
        assertThat(acs.statusCode()).as(acs.body()).isEqualTo(303);
        assertThat(acs.headers().firstValue("Location").orElseThrow()).endsWith("/hosted/account");
        assertThat(browser.cookie("janua_session")).isNotBlank();
        HttpResponse<String> account = browser.get("/hosted/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(o.email("ada"));

        String userId = jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", o.email("ada")).query(String.class).single();
        assertThat(jdbc.sql("SELECT email_verified FROM users WHERE id = :id").param("id", userId).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT role_id FROM organization_members WHERE organization_id = :o AND user_id = :u")
                .param("o", o.id()).param("u", userId).query(String.class).single()).isEqualTo("role_admin");
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'sso.user_provisioned' AND subject_id = :u", "u", userId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'sso.signin' AND subject_id = :u", "u", userId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'user.signin' AND subject_id = :u", "u", userId)).isEqualTo(1);

        // next sign-in: names and role follow the IdP; no second account
        BrowserClient again = new BrowserClient(api.base());
        SamlTestIdp.Assertion b = o.idp().assertion(o.spEntityId(), o.acsUrl(), o.email("ada"));
        b.inResponseTo = startLogin(again, o.id(), null);
        b.attribute("firstName", "Augusta").attribute("lastName", "King").attribute("groups", "staff");
        assertThat(postAcs(again, o.acsPath(), o.idp().signedResponse(b, IDP_KEY), null).statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT first_name FROM users WHERE id = :id").param("id", userId).query(String.class).single()).isEqualTo("Augusta");
        assertThat(jdbc.sql("SELECT role_id FROM organization_members WHERE organization_id = :o AND user_id = :u")
                .param("o", o.id()).param("u", userId).query(String.class).single()).isEqualTo("role_member");
        assertThat(count("SELECT COUNT(*) FROM users WHERE email = :e", "e", o.email("ada"))).isEqualTo(1);
    }

    @Test
    void idpInitiatedSignInIsRefusedUntilTheOrganizationEnablesIt() {
        SsoOrg o = ssoOrg();
        SamlTestIdp.Assertion a = o.idp().assertion(o.spEntityId(), o.acsUrl(), o.email("grace"));
        HttpResponse<String> refused = postAcs(new BrowserClient(api.base()), o.acsPath(), o.idp().signedResponse(a, IDP_KEY), null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("SAML_UNSOLICITED_RESPONSE");

        Api.Response on = api.patch("/api/v1/organizations/" + o.id() + "/sso", Map.of("allowIdpInitiated", true), o.owner().auth());
        assertThat(on.status()).as(on.raw().body()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = 'sso.updated' AND organization_id = :o", "o", o.id())).isEqualTo(1);
        BrowserClient browser = new BrowserClient(api.base());
        SamlTestIdp.Assertion b = o.idp().assertion(o.spEntityId(), o.acsUrl(), o.email("grace"));
        HttpResponse<String> ok = postAcs(browser, o.acsPath(), o.idp().signedResponse(b, IDP_KEY), "/hosted/account?tab=security");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).endsWith("/hosted/account?tab=security");
        // an IdP-initiated RelayState may only name a local page: anything else lands on the account page
        BrowserClient other = new BrowserClient(api.base());
        SamlTestIdp.Assertion c = o.idp().assertion(o.spEntityId(), o.acsUrl(), o.email("grace"));
        HttpResponse<String> open = postAcs(other, o.acsPath(), o.idp().signedResponse(c, IDP_KEY), "https://evil.example/phish");
        assertThat(open.headers().firstValue("Location").orElseThrow()).endsWith("/hosted/account");
    }

    @Test
    void configurationIsReadUpdatedAndDeletedThroughTheSeedPathsWithEvents() {
        SsoOrg o = ssoOrg();
        Api.Response get = api.get("/api/v1/organizations/" + o.id() + "/sso", o.owner().auth());
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text("/protocol")).isEqualTo("saml");
        assertThat(get.text("/provider")).isEqualTo("okta");
        assertThat(get.text("/idpEntityId")).isEqualTo(o.idp().entityId);
        assertThat(get.json().path("idpCertificates").size()).isEqualTo(1);
        assertThat(get.text("/serviceProvider/acsUrl")).endsWith("/api/v1/sso/saml/" + o.id() + "/acs");
        assertThat(get.json().path("domains").get(0).path("verified").asBoolean()).isTrue();
        Api.Response config = api.get("/api/v1/sso/config", o.owner().auth("X-Organization-ID", o.id()));
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.text("/id")).isEqualTo(get.text("/id"));
        Api.Response providers = api.get("/v1/sso/providers");
        assertThat(providers.status()).isEqualTo(200);
        assertThat(providers.raw().body()).contains("azure_ad", "google_workspace", "okta");
        Api.Response metadata = api.get("/api/v1/sso/saml/" + o.id() + "/metadata");
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.raw().body()).contains("SPSSODescriptor", o.acsUrl(), o.spEntityId());
        Api.Response again = api.post("/api/v1/organizations/" + o.id() + "/sso", Map.of("samlMetadataXml", o.idp().metadataXml()),
                o.owner().auth());
        assertThat(again.errorCode()).isEqualTo("SSO_ALREADY_CONFIGURED");

        Account member = memberOf(o.id(), "member", "plain-member");
        assertThat(api.get("/api/v1/organizations/" + o.id() + "/sso", newUser("stranger").auth()).errorCode()).isEqualTo("ORGANIZATION_NOT_FOUND");
        assertThat(api.patch("/api/v1/organizations/" + o.id() + "/sso", Map.of("enabled", false), member.auth()).errorCode())
                .isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(api.post("/api/v1/organizations/" + o.id() + "/sso", Map.of("samlMetadataXml", "<nope/>"), newUser("x").auth()).status())
                .isEqualTo(404);

        Api.Response bad = api.put("/api/v1/organizations/" + o.id() + "/sso", Map.of("samlMetadataXml", "<md:EntityDescriptor/>"), o.owner().auth());
        assertThat(bad.errorCode()).isEqualTo("SSO_METADATA_INVALID");
        Api.Response role = api.put("/api/v1/organizations/" + o.id() + "/sso", Map.of("defaultRole", "no-such-role"), o.owner().auth());
        assertThat(role.errorCode()).isEqualTo("ROLE_NOT_FOUND");

        Api.Response deleted = api.delete("/api/v1/organizations/" + o.id() + "/sso", null, o.owner().auth());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/organizations/" + o.id() + "/sso", o.owner().auth()).errorCode()).isEqualTo("SSO_NOT_CONFIGURED");
        assertThat(api.get("/api/v1/sso/saml/" + o.id() + "/login").errorCode()).isEqualTo("SSO_NOT_CONFIGURED");
        for (String type : List.of("sso.configured", "sso.domain_added", "sso.domain_verified", "sso.deleted")) {
            assertThat(count("SELECT COUNT(*) FROM domain_events WHERE type = :t AND organization_id = :o", "t", type, "o", o.id())).as(type).isEqualTo(1);
        }
    }

    @Test
    void domainVerificationNeedsTheTxtRecordAndADomainHasOneVerifiedOwner() {
        SsoOrg o = ssoOrg();
        Api.Response add = api.post("/api/v1/organizations/" + o.id() + "/sso/domains", Map.of("domain", "Sub." + o.domain()), o.owner().auth());
        assertThat(add.status()).isEqualTo(201);
        assertThat(add.text("/domain")).isEqualTo("sub." + o.domain());
        Api.Response fail = api.post("/api/v1/organizations/" + o.id() + "/sso/domains/sub." + o.domain() + "/verify", Map.of(), o.owner().auth());
        assertThat(fail.status()).isEqualTo(422);
        assertThat(fail.errorCode()).isEqualTo("DOMAIN_VERIFICATION_FAILED");
        assertThat(fail.text("/error/details/recordName")).isEqualTo("_janua-verification.sub." + o.domain());

        Account other = newUser("other-owner");
        String otherOrg = createOrg(other);
        Api.Response taken = api.post("/api/v1/organizations/" + otherOrg + "/sso/domains", Map.of("domain", o.domain()), other.auth());
        assertThat(taken.errorCode()).isEqualTo("DOMAIN_ALREADY_CLAIMED");
        Api.Response junk = api.post("/api/v1/organizations/" + otherOrg + "/sso/domains", Map.of("domain", "not a domain"), other.auth());
        assertThat(junk.status()).isEqualTo(422);
    }

    @Test
    void ssoRequiredRefusesPasswordAndMagicLinkAndHostedSignInGoesToTheIdp() {
        SsoOrg o = ssoOrg();
        // a member under the domain who has a password (created before SSO was required)
        String email = o.email("linus");
        Api.Response up = api.post("/api/v1/auth/signup", Api.map("email", email, "password", PASSWORD));
        assertThat(up.status()).as(up.raw().body()).isEqualTo(201);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).status()).isEqualTo(200);

        Api.Response required = api.patch("/api/v1/organizations/" + o.id(), Map.of("settings", Map.of("ssoRequired", true)), o.owner().auth());
        assertThat(required.status()).as(required.raw().body()).isIn(200);
        Api.Response pwd = api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD));
        assertThat(pwd.status()).isEqualTo(403);
        assertThat(pwd.errorCode()).isEqualTo("SSO_REQUIRED");
        assertThat(pwd.text("/error/details/ssoUrl")).isEqualTo("/api/v1/sso/saml/" + o.id() + "/login");
        // same answer for an address without an account: the rule is the domain's, nothing about accounts leaks
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", o.email("nobody"), "password", "whatever-it-is")).errorCode())
                .isEqualTo("SSO_REQUIRED");
        assertThat(api.post("/api/v1/auth/magic-link", Api.map("email", email)).errorCode()).isEqualTo("SSO_REQUIRED");
        // other domains are untouched
        Account outsider = newUser("outsider");
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", outsider.email(), "password", PASSWORD)).status()).isEqualTo(200);

        // hosted sign-in: the password form sends this address to its IdP
        BrowserClient browser = new BrowserClient(api.base());
        HttpResponse<String> page = browser.get("/hosted/sign-in");
        assertThat(page.body()).contains("/hosted/sso");
        HttpResponse<String> post = browser.submit(page, "/hosted/sign-in", Map.of("email", email, "password", PASSWORD));
        assertThat(post.statusCode()).isEqualTo(303);
        assertThat(post.headers().firstValue("Location").orElseThrow()).contains("/api/v1/sso/saml/" + o.id() + "/login");
    }

    @Test
    void homeRealmDiscoveryRoutesAnEmailDomainToItsOrganizationsIdp() {
        SsoOrg o = ssoOrg();
        BrowserClient browser = new BrowserClient(api.base());
        HttpResponse<String> form = browser.get("/hosted/sso?return_to=/hosted/account");
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> go = browser.submit(form, "/hosted/sso", Map.of("email", o.email("mary")));
        assertThat(go.statusCode()).isEqualTo(303);
        String location = go.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/api/v1/sso/saml/" + o.id() + "/login").contains("RelayState=%2Fhosted%2Faccount");
        HttpResponse<String> idp = browser.get(location);
        assertThat(idp.statusCode()).isEqualTo(302);
        assertThat(idp.headers().firstValue("Location").orElseThrow()).startsWith(o.idp().ssoUrl + "?SAMLRequest=");

        HttpResponse<String> unknown = browser.submit(browser.get("/hosted/sso"), "/hosted/sso", Map.of("email", "someone@unclaimed.example"));
        assertThat(unknown.statusCode()).isEqualTo(404);

        Api.Response start = api.post("/api/v1/sso/saml", Map.of("email", o.email("mary"), "relayState", "/hosted/account"));
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.text("/organizationId")).isEqualTo(o.id());
        assertThat(start.text("/redirectUrl")).startsWith(o.idp().ssoUrl);
    }

    @Test
    void certificateRolloverKeepsSignInsWorkingWhenTheMetadataAnnouncesTheNextKey() {
        SsoOrg o = ssoOrg("allowIdpInitiated", true);
        SamlTestIdp.Assertion early = o.idp().assertion(o.spEntityId(), o.acsUrl(), o.email("roll"));
        assertThat(postAcs(new BrowserClient(api.base()), o.acsPath(), o.idp().signedResponse(early, NEXT_KEY), null).body())
                .contains("SAML_SIGNATURE_INVALID");
        o.idp().publish(IDP_KEY, NEXT_KEY);
        Api.Response refreshed = api.post("/api/v1/organizations/" + o.id() + "/sso/metadata/refresh", Map.of(), o.owner().auth());
        assertThat(refreshed.json().path("idpCertificates").size()).isEqualTo(2);
        for (SamlTestIdp.Key k : List.of(IDP_KEY, NEXT_KEY)) {
            SamlTestIdp.Assertion a = o.idp().assertion(o.spEntityId(), o.acsUrl(), o.email("roll"));
            HttpResponse<String> r = postAcs(new BrowserClient(api.base()), o.acsPath(), o.idp().signedResponse(a, k), null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        }
    }

    @Test
    void withoutJitAnUnknownPersonIsRefusedAndAnEmailOutsideTheVerifiedDomainsNeverSignsIn() {
        SsoOrg o = ssoOrg("jitProvisioning", false, "allowIdpInitiated", true);
        SamlTestIdp.Assertion a = o.idp().assertion(o.spEntityId(), o.acsUrl(), o.email("newbie"));
        assertThat(postAcs(new BrowserClient(api.base()), o.acsPath(), o.idp().signedResponse(a, IDP_KEY), null).body())
                .contains("SSO_USER_NOT_PROVISIONED");
        Account victim = newUser("victim");
        SamlTestIdp.Assertion b = o.idp().assertion(o.spEntityId(), o.acsUrl(), victim.email());
        HttpResponse<String> r = postAcs(new BrowserClient(api.base()), o.acsPath(), o.idp().signedResponse(b, IDP_KEY), null);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("SSO_DOMAIN_NOT_VERIFIED");
    }
}
