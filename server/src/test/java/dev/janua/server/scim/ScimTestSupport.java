package dev.janua.server.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** An organization with an owner and a SCIM token, and helpers to speak SCIM to it over HTTP. */
abstract class ScimTestSupport extends TenantFixtures {
    static final String SCIM = "/api/v1/scim/v2";
    static final String CT = "application/scim+json";

    record Tenant(Account owner, String orgId, String token) {
        String[] scim() {
            return new String[] {"Authorization", Api.bearer(token), "Content-Type", CT, "Accept", CT};
        }

        String[] scim(String... more) {
            String[] base = scim();
            String[] all = new String[base.length + more.length];
            System.arraycopy(base, 0, all, 0, base.length);
            System.arraycopy(more, 0, all, base.length, more.length);
            return all;
        }
    }

    Tenant tenant(String tag) {
        Account owner = newUser(tag + "-owner");
        String orgId = createOrg(owner);
        Api.Response r = api.post("/api/v1/organizations/" + orgId + "/scim/tokens", Api.map("name", "Okta"), owner.auth());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return new Tenant(owner, orgId, r.text("/token"));
    }

    static String userBody(String userName, String email, String given, String family) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","externalId":"ext-%s",
                 "name":{"givenName":"%s","familyName":"%s"},"emails":[{"value":"%s","type":"work","primary":true}],"active":true}
                """.formatted(userName, UUID.randomUUID(), given, family, email);
    }

    Api.Response createUser(Tenant t, String userName) {
        Api.Response r = api.post(SCIM + "/Users", userBody(userName, userName, "Ada", "Lovelace"), t.scim());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r;
    }

    static String uniqueUserName(String tag) {
        return tag + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String patch(String operationsJson) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operationsJson + "}";
    }
}
