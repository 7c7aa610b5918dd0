package dev.janua.server.tokens.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.tokens.AccessTokens.VerifiedAccessToken;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final Object verifier = new Object();

    private static VerifiedAccessToken claims(String jti, Instant exp) {
        return new VerifiedAccessToken("usr_1", "ses_1", jti, exp);
    }

    @Test
    void answersOnlyTheExactTokenBeforeItsExpiry() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        VerifiedAccessToken v = claims("jti_1", NOW.plusSeconds(60));
        cache.put("a.b.c", verifier, v);
        assertThat(cache.get("a.b.c", verifier, NOW)).isSameAs(v);
        assertThat(cache.get("a.b.c ", verifier, NOW)).isNull();
        assertThat(cache.get("a.b.C", verifier, NOW)).isNull();
        assertThat(cache.get("a.b.c", verifier, NOW.plusSeconds(59))).isSameAs(v);
        assertThat(cache.get("a.b.c", verifier, NOW.plusSeconds(60))).isNull(); // at exp: no longer from the cache
        assertThat(cache.size()).isZero(); // and the expired entry is gone
    }

    @Test
    void anotherVerifierMissesAndClearEmpties() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        cache.put("t1", verifier, claims("jti_1", NOW.plusSeconds(60)));
        assertThat(cache.get("t1", new Object(), NOW)).isNull();
        cache.put("t2", verifier, claims("jti_2", NOW.plusSeconds(60)));
        cache.clear();
        assertThat(cache.get("t2", verifier, NOW)).isNull();
    }

    @Test
    void staysWithinItsBoundAndZeroTurnsItOff() {
        VerifiedTokenCache cache = new VerifiedTokenCache(20);
        for (int i = 0; i < 1000; i++) cache.put("t" + i, verifier, claims("jti_" + i, NOW.plusSeconds(60)));
        assertThat(cache.size()).isLessThanOrEqualTo(20);
        assertThat(cache.get("t999", verifier, NOW)).isNotNull(); // the newest stays

        VerifiedTokenCache off = new VerifiedTokenCache(0);
        off.put("t", verifier, claims("jti", NOW.plusSeconds(60)));
        assertThat(off.get("t", verifier, NOW)).isNull();
        assertThat(off.size()).isZero();
    }
}
