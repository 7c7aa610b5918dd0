package dev.janua.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.mfa.domain.Base32;
import dev.janua.server.mfa.domain.Totp;
import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A password with a lone UTF-16 surrogate (issue 18, item 6) cannot be hashed: every credential
 * route answers 422 {@code VALIDATION_ERROR} instead of a 500, and sign-in answers the same for an
 * email with an account and one without, however often it is tried.
 */
class UnencodablePasswordIntegrationTest extends IntegrationTest {
    /** JSON text with an escaped lone high surrogate: Jackson reads it into a Java string the hasher cannot encode. */
    private static final String BAD = "pass\\ud800word-long-enough";

    @Test
    void signInAnswers422TheSameForKnownAndUnknownEmailsAndCountsNothing() {
        String known = uniqueEmail("surrogate-known");
        signUp(known);
        String unknown = uniqueEmail("surrogate-ghost");
        for (int i = 1; i <= 7; i++) {
            Api.Response a = api.post("/api/v1/auth/signin", json("email", known, "password", BAD));
            Api.Response b = api.post("/api/v1/auth/signin", json("email", unknown, "password", BAD));
            assertThat(a.status()).as(a.raw().body()).isEqualTo(422);
            assertInvalidCharacters(a);
            UnknownEmailLockoutIntegrationTest.assertSameAnswer(i, a, b);
        }
        // nothing was counted: the right password still signs in, and a wrong one has all its attempts left
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", known, "password", PASSWORD)).status()).isEqualTo(200);
        Api.Response k = api.post("/api/v1/auth/signin", Api.map("email", known, "password", "definitely not it"));
        Api.Response u = api.post("/api/v1/auth/signin", Api.map("email", unknown, "password", "definitely not it"));
        UnknownEmailLockoutIntegrationTest.assertSameAnswer(8, k, u);
        assertThat(u.json().at("/error/details/attempts_remaining").asInt()).isEqualTo(4);
    }

    @Test
    void signUpPasswordResetAndAdminCreateRefuseIt() {
        assertInvalidCharacters(api.post("/api/v1/auth/signup", json("email", uniqueEmail("surrogate-up"), "password", BAD)));
        assertInvalidCharacters(api.post("/api/v1/auth/password/reset", json("token", "prt_not_a_real_token", "newPassword", BAD)));
        String admin = accessToken(api.post("/api/v1/auth/signin",
                Api.map("email", BOOTSTRAP_ADMIN_EMAIL, "password", BOOTSTRAP_ADMIN_PASSWORD)));
        assertInvalidCharacters(api.post("/api/v1/admin/users", json("email", uniqueEmail("surrogate-admin"), "password", BAD),
                "Authorization", Api.bearer(admin)));
    }

    @Test
    void passwordChangeAccountDeletionAndMfaRoutesRefuseItAndCountNothing() {
        String email = uniqueEmail("surrogate-me");
        String access = accessToken(signUp(email));
        String auth = Api.bearer(access);
        for (int i = 0; i < 6; i++) {
            assertInvalidCharacters(api.post("/api/v1/users/me/password", json("currentPassword", BAD, "newPassword", "a new good passphrase"),
                    "Authorization", auth));
            assertInvalidCharacters(api.delete("/api/v1/users/me", json("password", BAD, "confirmation", "DELETE"), "Authorization", auth));
        }
        assertInvalidCharacters(api.post("/api/v1/users/me/password", json("currentPassword", PASSWORD, "newPassword", BAD),
                "Authorization", auth));

        Api.Response setup = api.post("/api/v1/mfa/setup", Api.map("type", "totp"), "Authorization", auth);
        String code = Totp.DEFAULT.totp(Base32.decode(setup.text("/secret")), clock.instant());
        assertThat(api.post("/api/v1/mfa/verify", Api.map("code", code), "Authorization", auth).status()).isEqualTo(200);
        for (int i = 0; i < 6; i++) {
            assertInvalidCharacters(api.post("/api/v1/mfa/disable", json("password", BAD), "Authorization", auth));
            assertInvalidCharacters(api.post("/api/v1/mfa/backup-codes/regenerate", json("password", BAD), "Authorization", auth));
        }
        // none of those counted as a wrong password: the account is not locked
        Api.Response change = api.post("/api/v1/users/me/password",
                Api.map("currentPassword", PASSWORD, "newPassword", "a new good passphrase"), "Authorization", auth);
        assertThat(change.status()).as(change.raw().body()).isEqualTo(200);
    }

    private static void assertInvalidCharacters(Api.Response r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.text("/error/details/reason")).isEqualTo("invalid_characters");
    }

    /** A JSON object written by hand, so the escaped surrogate reaches the server as it was typed. */
    private static String json(String... kv) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (i > 0) s.append(',');
            s.append('"').append(kv[i]).append("\":\"").append(kv[i + 1]).append('"');
        }
        return s.append('}').toString();
    }
}
