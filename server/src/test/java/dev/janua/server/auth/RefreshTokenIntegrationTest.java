package dev.janua.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.Concurrently;
import dev.janua.server.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refresh-token rotation: single use, reuse detection, and the race of many redemptions. */
class RefreshTokenIntegrationTest extends IntegrationTest {

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeSession() {
        Api.Response up = signUp(uniqueEmail("reuse"));
        String first = refreshToken(up);
        Api.Response rotated = api.post("/api/v1/auth/refresh", Api.map("refreshToken", first));
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.text("/refreshToken");
        String access = rotated.text("/accessToken");

        Api.Response replay = api.post("/api/v1/auth/refresh", Api.map("refreshToken", first));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.errorCode()).isEqualTo("REFRESH_TOKEN_REUSED");

        // the thief's replay ended the session: the legitimate newer tokens are dead too
        assertThat(api.post("/api/v1/auth/refresh", Api.map("refreshToken", second)).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(access)).errorCode()).isEqualTo("SESSION_EXPIRED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = 'session.refresh_token_reused' AND subject_id = :s")
                .param("s", up.text("/session/id")).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT revoked_reason FROM sessions WHERE id = :s").param("s", up.text("/session/id"))
                .query(String.class).single()).isEqualTo("refresh_token_reused");
    }

    @Test
    void fiftyConcurrentRedemptionsOfOneRefreshTokenGiveExactlyOneSuccess() throws Exception {
        Api.Response up = signUp(uniqueEmail("race"));
        String token = refreshToken(up);
        List<Api.Response> results = Concurrently.run(50, () -> api.post("/api/v1/auth/refresh", Api.map("refreshToken", token)));
        assertThat(results.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(results.stream().filter(r -> r.status() == 401)).hasSize(49);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM refresh_tokens WHERE session_id = :s").param("s", up.text("/session/id"))
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void unknownMalformedAndExpiredRefreshTokensAreRefused() {
        assertThat(api.post("/api/v1/auth/refresh", Api.map("refreshToken", "rt_doesnotexist")).errorCode()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(api.post("/api/v1/auth/refresh", Api.map()).errorCode()).isEqualTo("INVALID_REFRESH_TOKEN");
        Api.Response up = signUp(uniqueEmail("expired"));
        clock.advance(Duration.ofHours(25)); // past the 24 h absolute session lifetime
        Api.Response late = api.post("/api/v1/auth/refresh", Api.map("refreshToken", refreshToken(up)));
        assertThat(late.status()).isEqualTo(401);
        assertThat(late.errorCode()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void anIdleSessionEndsButRefreshingKeepsItAlive() {
        Api.Response idle = signUp(uniqueEmail("idle"));
        Api.Response active = signUp(uniqueEmail("active"));
        String activeRefresh = refreshToken(active);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(50));
            Api.Response r = api.post("/api/v1/auth/refresh", Api.map("refreshToken", activeRefresh));
            assertThat(r.status()).isEqualTo(200);
            activeRefresh = r.text("/refreshToken");
        }
        // 150 minutes without use is past the idle window (30 min, never shorter than the 1 h token lifetime)
        assertThat(api.post("/api/v1/auth/refresh", Api.map("refreshToken", refreshToken(idle))).status()).isEqualTo(401);
    }
}
