package dev.janua.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The session list and revocation over real HTTP; a revoked session stops working at once. */
class SessionsIntegrationTest extends IntegrationTest {
    private static final String CHROME_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String SAFARI_IPHONE =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1";

    private Api.Response signIn(String email, String userAgent) {
        Api.Response r = api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD), "User-Agent", userAgent);
        assertThat(r.status()).isEqualTo(200);
        return r;
    }

    @Test
    void listShowsDeviceInfoAndWhichSessionIsCurrent() {
        String email = uniqueEmail("sess");
        signUp(email);
        Api.Response desktop = signIn(email, CHROME_WINDOWS);
        Api.Response phone = signIn(email, SAFARI_IPHONE);
        String access = accessToken(phone);

        Api.Response list = api.get("/api/v1/sessions", "Authorization", Api.bearer(access), "User-Agent", SAFARI_IPHONE);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().at("/pagination/totalCount").asLong()).isEqualTo(3); // sign-up, desktop, phone
        assertThat(list.text("/data/0/id")).isEqualTo(phone.text("/session/id"));
        assertThat(list.json().at("/data/0/isCurrent").asBoolean()).isTrue();
        assertThat(list.text("/data/0/deviceInfo/browser")).isEqualTo("Safari");
        assertThat(list.text("/data/0/deviceInfo/os")).isEqualTo("iOS");
        assertThat(list.text("/data/0/deviceInfo/deviceType")).isEqualTo("mobile");
        assertThat(list.text("/data/0/ipAddress")).isEqualTo("127.0.0.1");
        assertThat(list.text("/data/0/createdAt")).isNotBlank();
        assertThat(list.text("/data/0/lastActiveAt")).isNotBlank();
        assertThat(list.text("/data/0/expiresAt")).isNotBlank();
        assertThat(list.text("/data/1/id")).isEqualTo(desktop.text("/session/id"));
        assertThat(list.json().at("/data/1/isCurrent").asBoolean()).isFalse();
        assertThat(list.text("/data/1/device")).isEqualTo("Chrome on Windows");

        Api.Response page = api.get("/v1/users/me/sessions?limit=2", "Authorization", Api.bearer(access));
        assertThat(page.json().path("data").size()).isEqualTo(2);
        assertThat(page.json().at("/pagination/hasMore").asBoolean()).isTrue();
        Api.Response rest = api.get("/v1/users/me/sessions?limit=2&cursor=" + page.text("/pagination/nextCursor"), "Authorization", Api.bearer(access));
        assertThat(rest.json().path("data").size()).isEqualTo(1);
        assertThat(rest.json().at("/pagination/hasMore").asBoolean()).isFalse();

        Api.Response current = api.get("/api/v1/sessions/current", "Authorization", Api.bearer(access));
        assertThat(current.text("/id")).isEqualTo(phone.text("/session/id"));
        assertThat(current.json().path("isActive").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/sessions/" + desktop.text("/session/id"), "Authorization", Api.bearer(access)).text("/deviceInfo/browser"))
                .isEqualTo("Chrome");
        assertThat(api.get("/api/v1/sessions").status()).isEqualTo(401);
    }

    @Test
    void anotherUsersSessionIsNotFoundAndCannotBeRevoked() {
        String mine = uniqueEmail("sess-mine");
        String theirs = uniqueEmail("sess-theirs");
        Api.Response me = signUp(mine);
        Api.Response them = signUp(theirs);
        String theirSession = them.text("/session/id");
        Api.Response get = api.get("/api/v1/sessions/" + theirSession, "Authorization", Api.bearer(accessToken(me)));
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.errorCode()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(api.get("/api/v1/sessions/sess_unknown", "Authorization", Api.bearer(accessToken(me))).errorCode())
                .isEqualTo("SESSION_NOT_FOUND");
        assertThat(api.delete("/api/v1/sessions/" + theirSession, null, "Authorization", Api.bearer(accessToken(me))).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(them))).status()).as("still live").isEqualTo(200);
    }

    @Test
    void revokingOneSessionStopsItAtOnce() {
        String email = uniqueEmail("sess-revoke");
        signUp(email);
        Api.Response a = signIn(email, CHROME_WINDOWS);
        Api.Response b = signIn(email, SAFARI_IPHONE);
        Api.Response revoked = api.delete("/api/v1/sessions/" + b.text("/session/id"), null, "Authorization", Api.bearer(accessToken(a)));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(b))).errorCode()).isEqualTo("SESSION_EXPIRED");
        assertThat(api.post("/api/v1/auth/refresh", Api.map("refreshToken", refreshToken(b))).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(a))).status()).isEqualTo(200);
        Api.Response ended = api.get("/api/v1/sessions/" + b.text("/session/id"), "Authorization", Api.bearer(accessToken(a)));
        assertThat(ended.json().path("isActive").asBoolean()).isFalse();
        assertThat(ended.text("/revokedAt")).isNotBlank();
        long events = jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = 'session.revoked' AND subject_id = :s")
                .param("s", b.text("/session/id")).query(Long.class).single();
        assertThat(events).isEqualTo(1);
    }

    @Test
    void everyRevokeAllAliasEndsAllOtherSessionsButTheCurrentOne() {
        for (String[] call : new String[][] {{"DELETE", "/api/v1/sessions"}, {"POST", "/api/v1/sessions/revoke-all"},
                {"POST", "/v1/sessions/terminate-all"}}) {
            String email = uniqueEmail("sess-all");
            Api.Response up = signUp(email);
            Api.Response other = signIn(email, CHROME_WINDOWS);
            Api.Response current = signIn(email, SAFARI_IPHONE);
            Api.Response r = api.send(call[0], call[1], null, "Authorization", Api.bearer(accessToken(current)));
            assertThat(r.status()).as(call[1]).isEqualTo(200);
            assertThat(r.json().path("revokedCount").asInt()).as(call[1]).isEqualTo(2);
            assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(other))).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(up))).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(current))).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/sessions", "Authorization", Api.bearer(accessToken(current))).json().path("data").size()).isEqualTo(1);
        }
    }

    @Test
    void revokingTheCurrentSessionSignsOut() {
        Api.Response up = signUp(uniqueEmail("sess-self"));
        assertThat(api.delete("/api/v1/sessions/" + up.text("/session/id"), null, "Authorization", Api.bearer(accessToken(up))).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/sessions/current", "Authorization", Api.bearer(accessToken(up))).errorCode()).isEqualTo("SESSION_EXPIRED");
    }
}
