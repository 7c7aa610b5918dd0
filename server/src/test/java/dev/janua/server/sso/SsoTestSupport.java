package dev.janua.server.sso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import dev.janua.server.support.TenantFixtures;
import dev.janua.server.support.TestDns;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;

/** An organization with a verified domain and a SAML connection to a {@link SamlTestIdp}, and the browser hops of a sign-in. */
abstract class SsoTestSupport extends TenantFixtures {
    static final SamlTestIdp.Key IDP_KEY = SamlTestIdp.key("idp");
    static final SamlTestIdp.Key NEXT_KEY = SamlTestIdp.key("idp-next");
    static final SamlTestIdp.Key ATTACKER_KEY = SamlTestIdp.key("attacker");

    record SsoOrg(String id, Account owner, String domain, SamlTestIdp idp, String acsPath, String acsUrl, String spEntityId) {
        String email(String local) {
            return local + "@" + domain;
        }
    }

    /** Owner, organization, verified domain (through the local DNS server), SAML connection by metadata URL. */
    SsoOrg ssoOrg(Object... extra) {
        return ssoOrg(new SamlTestIdp("https://idp.test/" + UUID.randomUUID(), IDP_KEY), extra);
    }

    SsoOrg ssoOrg(SamlTestIdp idp, Object... extra) {
        Account owner = newUser("sso-owner");
        String org = createOrg(owner);
        String domain = "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        Map<String, Object> body = Api.map("provider", "okta", "samlMetadataUrl", idp.serveMetadata(), "domains", java.util.List.of(domain),
                "jitProvisioning", true, "defaultRole", "member", "groupRoleMapping", Map.of("janua-admins", "admin"));
        for (int i = 0; i + 1 < extra.length; i += 2) body.put((String) extra[i], extra[i + 1]);
        Api.Response r = api.post("/api/v1/organizations/" + org + "/sso", body, owner.auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        TestDns.txt(r.text("/domains/0/txtRecordName"), r.text("/domains/0/txtRecordValue"));
        Api.Response v = api.post("/api/v1/organizations/" + org + "/sso/domains/" + domain + "/verify", Map.of(), owner.auth());
        assertThat(v.status()).as(v.raw().body()).isEqualTo(200);
        assertThat(v.json().path("verified").asBoolean()).isTrue();
        String acsPath = "/api/v1/sso/saml/" + org + "/acs";
        return new SsoOrg(org, owner, domain, idp, acsPath, r.text("/serviceProvider/acsUrl"), r.text("/serviceProvider/entityId"));
    }

    /** The SP-initiated hop: GET login → the AuthnRequest id the IdP must answer. */
    static String startLogin(BrowserClient browser, String orgId, String relayState) {
        HttpResponse<String> r = browser.get("/api/v1/sso/saml/" + orgId + "/login" + (relayState == null ? "" : "?RelayState=" + relayState));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
        String query = location.getRawQuery();
        String encoded = null;
        for (String kv : query.split("&")) if (kv.startsWith("SAMLRequest=")) encoded = URLDecoder.decode(kv.substring(12), StandardCharsets.UTF_8);
        String xml = inflate(Base64.getDecoder().decode(encoded));
        Matcher m = Pattern.compile(" ID=\"([^\"]+)\"").matcher(xml);
        assertThat(m.find()).as(xml).isTrue();
        return m.group(1);
    }

    static HttpResponse<String> postAcs(BrowserClient browser, String acsPath, String samlResponse, String relayState) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("SAMLResponse", samlResponse);
        if (relayState != null) form.put("RelayState", relayState);
        return browser.post(acsPath, form);
    }

    private static String inflate(byte[] deflated) {
        try {
            Inflater inf = new Inflater(true);
            inf.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && inf.needsInput()) break;
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
