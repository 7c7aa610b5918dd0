package dev.janua.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.Concurrently;
import dev.janua.server.support.IntegrationTest;
import java.time.Duration;
import dev.janua.server.sessions.app.SessionService;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Refresh-token rotation: single use, the reuse grace window, reuse detection, and the race of many redemptions. */
class RefreshTokenIntegrationTest extends IntegrationTest {
    /** janua.sessions.refresh-reuse-grace, default. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    @Autowired
    SessionService sessionService;

    @Test
    void reusingARotatedRefreshTokenAfterTheGraceWindowRevokesTheWholeSession() {
        Api.Response up = signUp(uniqueEmail("reuse"));
        String first = refreshToken(up);
        Api.Response rotated = refresh(first);
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.text("/refreshToken");
        String access = rotated.text("/accessToken");

        clock.advance(GRACE.plusSeconds(1));
        Api.Response replay = refresh(first);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.errorCode()).isEqualTo("REFRESH_TOKEN_REUSED");

        // the thief's replay ended the session: the legitimate newer tokens are dead too
        assertThat(refresh(second).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(access)).errorCode()).isEqualTo("SESSION_EXPIRED");
        assertThat(events("session.refresh_token_reused", up.text("/session/id"))).isEqualTo(1);
        assertThat(revokedReason(up.text("/session/id"))).isEqualTo("refresh_token_reused");
    }

    @Test
    void fiftyConcurrentRedemptionsOfOneRefreshTokenAllGetTheSameSuccessorAndTheSessionLives() throws Exception {
        Api.Response up = signUp(uniqueEmail("race"));
        String session = up.text("/session/id");
        String token = refreshToken(up);
        List<Api.Response> results = Concurrently.run(50, () -> refresh(token));

        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.raw().body()).isEqualTo(200));
        Set<String> successors = results.stream().map(r -> r.text("/refreshToken")).collect(Collectors.toSet());
        assertThat(successors).hasSize(1);
        // state left behind: one rotation only (the first token and its one successor), the successor the only live token
        assertThat(jdbc.sql("SELECT COUNT(*) FROM refresh_tokens WHERE session_id = :s").param("s", session)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(liveRefreshTokens(session)).isEqualTo(1);
        assertThat(revokedReason(session)).isEqualTo("(live)");
        assertThat(events("session.refresh_token_reused", session)).isZero();
        // every access token handed out works, and they are fresh ones (not one token copied 50 times)
        Set<String> accessTokens = results.stream().map(r -> r.text("/accessToken")).collect(Collectors.toSet());
        assertThat(accessTokens).hasSize(50);
        for (String access : accessTokens) {
            assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(access)).status()).isEqualTo(200);
        }
        // and the shared successor rotates normally
        Api.Response next = refresh(successors.iterator().next());
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.text("/refreshToken")).isNotIn(successors).isNotEqualTo(token);
        assertThat(liveRefreshTokens(session)).isEqualTo(1);
    }

    @Test
    void aReplayWithinTheGraceWindowAnswersTheSameSuccessorAndMintsNothing() {
        Api.Response up = signUp(uniqueEmail("grace"));
        String session = up.text("/session/id");
        String first = refreshToken(up);
        Api.Response rotated = refresh(first);
        clock.advance(GRACE.dividedBy(2));
        Api.Response replay = refresh(first);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text("/refreshToken")).isEqualTo(rotated.text("/refreshToken"));
        assertThat(replay.text("/accessToken")).isNotEqualTo(rotated.text("/accessToken"));
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(replay.text("/accessToken"))).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM refresh_tokens WHERE session_id = :s").param("s", session)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(liveRefreshTokens(session)).isEqualTo(1);
    }

    @Test
    void theSuccessorIsKeptSealedOnlyForTheWindowAndWipedAfter() {
        Api.Response up = signUp(uniqueEmail("sealed"));
        String session = up.text("/session/id");
        String successor = refresh(refreshToken(up)).text("/refreshToken");
        String sealed = jdbc.sql("SELECT sealed_successor FROM refresh_token_grace WHERE session_id = :s").param("s", session)
                .query(String.class).single();
        assertThat(sealed).startsWith("v1.").doesNotContain(successor);
        sessionService.wipeClosedGraceWindows();
        assertThat(graceRows(session)).isEqualTo(1); // window still open
        clock.advance(GRACE);
        sessionService.wipeClosedGraceWindows();
        assertThat(graceRows(session)).isZero();
        // the successor itself is unaffected
        assertThat(refresh(successor).status()).isEqualTo(200);
    }

    @Test
    void replayingAnOlderTokenThanTheImmediatePredecessorRevokesEvenWithinTheWindow() {
        Api.Response up = signUp(uniqueEmail("older"));
        String session = up.text("/session/id");
        String first = refreshToken(up);
        String second = refresh(first).text("/refreshToken");
        String third = refresh(second).text("/refreshToken");

        Api.Response replay = refresh(first);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.errorCode()).isEqualTo("REFRESH_TOKEN_REUSED");
        assertThat(refresh(third).status()).isEqualTo(401);
        assertThat(revokedReason(session)).isEqualTo("refresh_token_reused");
        assertThat(events("session.refresh_token_reused", session)).isEqualTo(1);
    }

    @Test
    void aGraceReplayAfterTheSuccessorWasItselfRotatedRevokes() {
        Api.Response up = signUp(uniqueEmail("graceafter"));
        String session = up.text("/session/id");
        String first = refreshToken(up);
        String second = refresh(first).text("/refreshToken");
        assertThat(refresh(first).text("/refreshToken")).isEqualTo(second); // the grace answer, while second is live
        Api.Response third = refresh(second);
        assertThat(third.status()).isEqualTo(200);

        Api.Response replay = refresh(first); // still within first's window, but second is spent now
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.errorCode()).isEqualTo("REFRESH_TOKEN_REUSED");
        assertThat(refresh(third.text("/refreshToken")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(third.text("/accessToken"))).errorCode())
                .isEqualTo("SESSION_EXPIRED");
        assertThat(revokedReason(session)).isEqualTo("refresh_token_reused");
        assertThat(graceRows(session)).isZero();
    }

    @Test
    void aGraceReplayOfARevokedSessionIsRefused() {
        Api.Response up = signUp(uniqueEmail("gracerevoked"));
        String first = refreshToken(up);
        Api.Response rotated = refresh(first);
        assertThat(api.post("/api/v1/auth/logout", Api.map(), "Authorization", Api.bearer(rotated.text("/accessToken"))).status())
                .isLessThan(300);
        Api.Response replay = refresh(first);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.errorCode()).isEqualTo("INVALID_REFRESH_TOKEN");
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
    void anExpiredRefreshTokenPresentedAgainIsRefusedAgainAndNotTakenForReuse() {
        Api.Response up = signUp(uniqueEmail("expiredtwice"));
        String session = up.text("/session/id");
        clock.advance(Duration.ofHours(25)); // past the 24 h absolute session lifetime, and the token's
        for (int attempt = 1; attempt <= 2; attempt++) {
            Api.Response late = refresh(refreshToken(up));
            assertThat(late.status()).as("attempt %d", attempt).isEqualTo(401);
            assertThat(late.errorCode()).as("attempt %d", attempt).isEqualTo("INVALID_REFRESH_TOKEN");
        }
        // a client retrying with its expired token is not a thief: no reuse event, the token left unspent
        assertThat(events("session.refresh_token_reused", session)).isZero();
        assertThat(liveRefreshTokens(session)).isEqualTo(1);
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

    private Api.Response refresh(String token) {
        return api.post("/api/v1/auth/refresh", Api.map("refreshToken", token));
    }

    private long liveRefreshTokens(String session) {
        return jdbc.sql("SELECT COUNT(*) FROM refresh_tokens WHERE session_id = :s AND rotated_at IS NULL").param("s", session)
                .query(Long.class).single();
    }

    private long graceRows(String session) {
        return jdbc.sql("SELECT COUNT(*) FROM refresh_token_grace WHERE session_id = :s").param("s", session).query(Long.class).single();
    }

    private long events(String type, String session) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = :t AND subject_id = :s").param("t", type).param("s", session)
                .query(Long.class).single();
    }

    private String revokedReason(String session) {
        return jdbc.sql("SELECT COALESCE(revoked_reason, '(live)') FROM sessions WHERE id = :s").param("s", session).query(String.class).single();
    }
}
