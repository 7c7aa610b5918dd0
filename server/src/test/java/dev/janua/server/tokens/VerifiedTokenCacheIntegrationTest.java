package dev.janua.server.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.tokens.AccessTokens.VerifiedAccessToken;
import dev.janua.server.tokens.app.SigningKeyRing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The per-node cache of verified access tokens (issue 16) only skips repeated work: once a genuine token
 * is cached, every altered copy of it is still verified in full and refused, an expired one is refused,
 * and a signed-out session is refused on the very next request (the session check runs on every call).
 */
class VerifiedTokenCacheIntegrationTest extends IntegrationTest {
    @Autowired
    AccessTokens tokens;
    @Autowired
    SigningKeyRing keys;

    private Api.Response user;
    private String token;

    @BeforeEach
    void signUpAndCache() {
        user = signUp(uniqueEmail("tokcache"));
        token = accessToken(user);
        assertThat(me(token)).isEqualTo(200);
        assertThat(me(token)).isEqualTo(200);
    }

    @Test
    void aRepeatedTokenIsAnsweredFromTheCache() {
        VerifiedAccessToken first = tokens.verify(token);
        // the same instance: the second call did not parse and verify again (the cache is in use)
        assertThat(tokens.verify(token)).isSameAs(first);
        assertThat(first.userId()).isEqualTo(user.text("/user/id"));
    }

    @Test
    void alteredCopiesOfACachedTokenAreStillRefused() {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(user.text("/user/id"), "usr_01ATTACKER000000000000000");
        String otherSubject = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(me(otherSubject)).isEqualTo(401);

        // one character of the signature changed (in the middle, where every bit counts)
        int mid = parts[2].length() / 2;
        char c = parts[2].charAt(mid);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, mid) + (c == 'A' ? 'B' : 'A')
                + parts[2].substring(mid + 1);
        assertThat(me(badSignature)).isEqualTo(401);

        String noneHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(me(noneHeader + "." + parts[1] + ".")).isEqualTo(401);
        assertThat(me(parts[0] + "." + parts[1] + ".")).isEqualTo(401);

        // and the genuine one is still accepted
        assertThat(me(token)).isEqualTo(200);
    }

    @Test
    void aCachedTokenIsRefusedOnceExpired() {
        clock.advance(Duration.ofMinutes(62)); // 1 h lifetime + more than the 60 s skew
        Api.Response r = api.get("/api/v1/auth/me", "Authorization", Api.bearer(token));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void signingOutRefusesTheCachedTokenOnTheNextRequest() {
        assertThat(api.post("/api/v1/auth/signout", null, "Authorization", Api.bearer(token)).status()).isBetween(200, 204);
        Api.Response r = api.get("/api/v1/auth/me", "Authorization", Api.bearer(token));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("SESSION_EXPIRED");
    }

    @Test
    void aRotationStartsTheCacheOver() {
        VerifiedAccessToken before = tokens.verify(token);
        keys.rotate();
        VerifiedAccessToken after = tokens.verify(token);
        // verified again (a new instance) with the new key set, in which the old key is still published
        assertThat(after).isNotSameAs(before).isEqualTo(before);
        assertThat(me(token)).isEqualTo(200);
    }

    private int me(String bearer) {
        return api.get("/api/v1/auth/me", "Authorization", Api.bearer(bearer)).status();
    }
}
