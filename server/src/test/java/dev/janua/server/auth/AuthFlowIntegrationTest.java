package dev.janua.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Sign-up to sign-out over real HTTP, at the canonical paths and at every seed alias. */
class AuthFlowIntegrationTest extends IntegrationTest {

    @Test
    void signUpSignInMeRefreshSignOutEndToEnd() {
        String email = uniqueEmail("flow");
        Api.Response up = signUp(email);
        assertThat(up.text("/user/email")).isEqualTo(email);
        assertThat(up.text("/user/id")).startsWith("usr_");
        assertThat(up.json().at("/user/emailVerified").asBoolean()).isFalse();
        assertThat(up.json().at("/requiresEmailVerification").asBoolean()).isTrue();
        assertThat(up.json().at("/requiresMfa").asBoolean(true)).isFalse();
        assertThat(up.text("/tokens/tokenType")).isEqualTo("Bearer");
        assertThat(up.json().at("/tokens/expiresIn").asLong()).isEqualTo(3600);
        assertThat(refreshToken(up)).startsWith("rt_");
        assertThat(up.text("/session/id")).startsWith("sess_");
        assertThat(up.json().at("/user/passwordHash").isMissingNode()).isTrue();

        Api.Response in = api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD));
        assertThat(in.status()).isEqualTo(200);
        assertThat(in.text("/session/id")).isNotEqualTo(up.text("/session/id"));
        String access = accessToken(in);

        Api.Response me = api.get("/api/v1/auth/me", "Authorization", Api.bearer(access));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("/email")).isEqualTo(email);
        assertThat(api.get("/api/v1/users/me", "Authorization", Api.bearer(access)).text("/id")).isEqualTo(me.text("/id"));

        Api.Response refreshed = api.post("/api/v1/auth/refresh", Api.map("refreshToken", refreshToken(in)));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.text("/refreshToken")).isNotEqualTo(refreshToken(in)).startsWith("rt_");
        String access2 = refreshed.text("/accessToken");
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(access2)).status()).isEqualTo(200);

        Api.Response out = api.post("/api/v1/auth/signout", null, "Authorization", Api.bearer(access2));
        assertThat(out.status()).isEqualTo(200);
        // sign-out is immediate: both access tokens of the session stop working though unexpired
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(access2)).errorCode()).isEqualTo("SESSION_EXPIRED");
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(access)).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Api.map("refreshToken", refreshed.text("/refreshToken"))).status()).isEqualTo(401);
        // the sign-up session is a different session and is still live
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(up))).status()).isEqualTo(200);
    }

    @Test
    void seedAliasesAndV1PrefixAndSnakeCaseRequestsAllWork() {
        String email = uniqueEmail("alias");
        Api.Response reg = api.post("/v1/auth/register", Api.map("email", email, "password", PASSWORD, "first_name", "Grace", "last_name", "Hopper"));
        assertThat(reg.status()).isEqualTo(201);
        assertThat(reg.text("/user/firstName")).isEqualTo("Grace");
        assertThat(reg.text("/user/lastName")).isEqualTo("Hopper");

        Api.Response login = api.post("/v1/auth/login", Api.map("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        Api.Response refreshed = api.post("/v1/auth/refresh", Api.map("refresh_token", refreshToken(login)));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(api.get("/v1/users/me", "Authorization", Api.bearer(refreshed.text("/accessToken"))).text("/email")).isEqualTo(email);

        Api.Response logout = api.post("/v1/auth/logout", Api.map("refresh_token", refreshed.text("/refreshToken")));
        assertThat(logout.status()).isEqualTo(200);
        assertThat(api.get("/v1/auth/me", "Authorization", Api.bearer(refreshed.text("/accessToken"))).status()).isEqualTo(401);
    }

    @Test
    void signUpWithSeed001NameFieldSplitsIt() {
        Api.Response r = api.post("/api/v1/auth/signup", Api.map("email", uniqueEmail("name"), "password", PASSWORD, "name", "John Doe"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("/user/firstName")).isEqualTo("John");
        assertThat(r.text("/user/lastName")).isEqualTo("Doe");
    }

    @Test
    void duplicateEmailIsAConflictWhateverTheCase() {
        String email = uniqueEmail("dup");
        signUp(email);
        Api.Response again = api.post("/api/v1/auth/signup", Api.map("email", email.toUpperCase(), "password", PASSWORD));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("EMAIL_ALREADY_EXISTS");
    }

    @Test
    void weakPasswordsAreRefusedWithTheReason() {
        Api.Response common = api.post("/api/v1/auth/signup", Api.map("email", uniqueEmail("weak"), "password", "password123"));
        assertThat(common.status()).isEqualTo(422);
        assertThat(common.errorCode()).isEqualTo("WEAK_PASSWORD");
        assertThat(common.text("/error/details/reason")).isEqualTo("too_common");

        Api.Response shortOne = api.post("/api/v1/auth/signup", Api.map("email", uniqueEmail("weak"), "password", "x7!kQ"));
        assertThat(shortOne.text("/error/details/reason")).isEqualTo("too_short");

        String email = uniqueEmail("samepw");
        Api.Response same = api.post("/api/v1/auth/signup", Api.map("email", email, "password", email));
        assertThat(same.errorCode()).isEqualTo("WEAK_PASSWORD");
    }

    @Test
    void profileUpdatesByPatchAndPutAcceptBothKeyStyles() {
        Api.Response up = signUp(uniqueEmail("profile"));
        String auth = Api.bearer(accessToken(up));
        Api.Response patched = api.patch("/api/v1/users/me", Api.map("first_name", "Jane", "timezone", "America/New_York",
                "metadata", Api.map("utm_source", "ads")), "Authorization", auth);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("/firstName")).isEqualTo("Jane");
        assertThat(patched.text("/lastName")).isEqualTo("User");
        assertThat(patched.text("/timezone")).isEqualTo("America/New_York");
        // free-form metadata keys are kept as sent, not rewritten
        assertThat(patched.text("/metadata/utm_source")).isEqualTo("ads");

        Api.Response put = api.put("/api/v1/users/me", Api.map("lastName", "Smith", "avatar", "https://example.com/a.png"), "Authorization", auth);
        assertThat(put.text("/lastName")).isEqualTo("Smith");
        assertThat(put.text("/profileImageUrl")).isEqualTo("https://example.com/a.png");

        Api.Response bad = api.patch("/api/v1/users/me", Api.map("timezone", "Mars/Olympus"), "Authorization", auth);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text("/error/details/field")).isEqualTo("timezone");
    }

    @Test
    void changePasswordEndsOtherSessionsAndKeepsTheCurrentOne() {
        String email = uniqueEmail("chpw");
        Api.Response first = signUp(email);
        Api.Response second = api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD));
        String newPassword = "a different long passphrase";

        Api.Response wrong = api.post("/api/v1/users/me/password", Api.map("currentPassword", "nope nope nope", "newPassword", newPassword),
                "Authorization", Api.bearer(accessToken(second)));
        assertThat(wrong.errorCode()).isEqualTo("INVALID_CREDENTIALS");

        Api.Response changed = api.post("/api/v1/users/me/change-password", Api.map("currentPassword", PASSWORD, "newPassword", newPassword,
                "logoutOtherSessions", true), "Authorization", Api.bearer(accessToken(second)));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().at("/sessionsInvalidated").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(first))).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(second))).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", newPassword)).status()).isEqualTo(200);
    }

    @Test
    void deleteAccountNeedsPasswordAndTheWordDelete() {
        String email = uniqueEmail("del");
        Api.Response up = signUp(email);
        String auth = Api.bearer(accessToken(up));
        assertThat(api.delete("/api/v1/users/me", "{\"password\":\"" + PASSWORD + "\"}", "Authorization", auth, "Content-Type", "application/json")
                .errorCode()).isEqualTo("CONFIRMATION_REQUIRED");
        assertThat(api.delete("/api/v1/users/me", "{\"password\":\"wrong wrong wrong\",\"confirmation\":\"DELETE\"}", "Authorization", auth,
                "Content-Type", "application/json").errorCode()).isEqualTo("INVALID_CREDENTIALS");
        Api.Response deleted = api.delete("/api/v1/users/me", "{\"password\":\"" + PASSWORD + "\",\"confirmation\":\"DELETE\"}",
                "Authorization", auth, "Content-Type", "application/json");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", "Authorization", auth).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).errorCode()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = 'user.deleted' AND subject_id = :id")
                .param("id", up.text("/user/id")).query(Long.class).single()).isEqualTo(1);
    }
}
