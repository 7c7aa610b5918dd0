package dev.janua.server.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.ratelimit.RateLimitCategory;
import dev.janua.server.ratelimit.RateLimits;
import dev.janua.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SCIM requests draw from a bucket of their own token ({@code scim}, 1200 a minute by default), not from
 * the caller's IP: an IdP's sync is limited per token, and one token running dry leaves the others alone.
 * The bucket is drained through the server's own limiter (1,199 HTTP requests would only make the test slow);
 * the refusal itself is observed over HTTP.
 */
class ScimRateLimitIntegrationTest extends ScimTestSupport {
    @Autowired
    RateLimits limits;

    @Test
    void aTokenHasItsOwnBucketAndAnEmptyOneAnswers429InTheScimErrorSchema() {
        Tenant t = tenant("rl");
        String tokenId = api.get("/api/v1/organizations/" + t.orgId() + "/scim/tokens", t.owner().auth()).text("/data/0/id");
        Api.Response other = api.post("/api/v1/organizations/" + t.orgId() + "/scim/tokens", Api.map("name", "Entra"), t.owner().auth());
        String otherToken = other.text("/token");

        // from an address that is not exempt: the token's bucket is used whatever the address
        Api.Response first = api.get(SCIM + "/Users?count=0", t.scim("X-Forwarded-For", "198.51.100.77"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Bucket")).isEqualTo("scim");
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("1200");
        assertThat(first.header("X-RateLimit-Window")).isEqualTo("60");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("1199");
        // every SCIM path is charged to the token, discovery included, under both prefixes
        assertThat(api.get("/v1/scim/v2/ServiceProviderConfig", t.scim()).header("X-RateLimit-Remaining")).isEqualTo("1198");

        for (int i = 0; i < 1198; i++) assertThat(limits.tryConsume(RateLimitCategory.SCIM, tokenId).allowed()).isTrue();

        String userName = uniqueUserName("rl");
        Api.Response refused = api.post(SCIM + "/Users", userBody(userName, userName, "A", "B"), t.scim());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith(CT);
        assertThat(refused.text("/schemas/0")).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(refused.text("/status")).isEqualTo("429");
        assertThat(refused.text("/detail")).contains("SCIM token");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Bucket")).isEqualTo("scim");
        // the organization's other token is not affected, and the refused create did nothing
        Api.Response second = api.get(SCIM + "/Users?filter=" + q("userName eq \"" + userName + "\""),
                "Authorization", Api.bearer(otherToken), "Accept", CT);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("X-RateLimit-Remaining")).isEqualTo("1199");
        assertThat(second.json().at("/totalResults").asInt()).isZero();
        assertThat(api.get("/api/v1/auth/me", t.owner().auth()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownTokenIsChargedToTheCallersAddress() {
        String ip = "198.51.100." + (1 + (int) (Math.random() * 250));
        Api.Response forged = api.get(SCIM + "/Users", "Authorization", "Bearer scim_forged", "X-Forwarded-For", ip);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.header("X-RateLimit-Bucket")).isEqualTo("default");
        assertThat(forged.header("X-RateLimit-Limit")).isEqualTo("100");
        for (int i = 0; i < 120 && api.get(SCIM + "/Users", "X-Forwarded-For", ip).status() == 401; i++) {
            // spends the address's bucket; bounded so a broken limit fails below rather than looping
        }
        Api.Response refused = api.get(SCIM + "/Users", "Authorization", "Bearer scim_forged", "X-Forwarded-For", ip);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("/status")).isEqualTo("429");
        assertThat(refused.header("Retry-After")).isNotNull();
    }
}
