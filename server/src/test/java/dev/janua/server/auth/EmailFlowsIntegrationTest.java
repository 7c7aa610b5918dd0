package dev.janua.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.support.TestMail;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Email verification and password reset through a real SMTP server (GreenMail). */
class EmailFlowsIntegrationTest extends IntegrationTest {
    private static final Pattern VERIFY = Pattern.compile("(evt_[A-Za-z0-9_-]+)");
    private static final Pattern RESET = Pattern.compile("(prt_[A-Za-z0-9_-]+)");

    @Test
    void signUpSendsAVerificationEmailWhoseTokenVerifiesOnce() {
        String email = uniqueEmail("verify");
        Api.Response up = signUp(email);
        String token = TestMail.awaitToken(email, "Verify", VERIFY);

        Api.Response confirmed = api.post("/api/v1/users/me/verify-email/confirm", Api.map("token", token));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().at("/emailVerified").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(up))).json().at("/emailVerified").asBoolean()).isTrue();

        Api.Response again = api.post("/api/v1/users/me/verify-email/confirm", Api.map("token", token));
        assertThat(again.errorCode()).isEqualTo("TOKEN_INVALID_OR_EXPIRED");
        assertThat(api.post("/api/v1/users/me/verify-email/send", null, "Authorization", Api.bearer(accessToken(up))).errorCode())
                .isEqualTo("EMAIL_ALREADY_VERIFIED");
    }

    @Test
    void theEmailedLinkVerifiesByGetAndAResendVoidsTheOldToken() {
        String email = uniqueEmail("link");
        Api.Response up = signUp(email);
        String first = TestMail.awaitToken(email, "Verify", VERIFY);
        assertThat(api.post("/api/v1/users/me/verify-email/send", null, "Authorization", Api.bearer(accessToken(up))).status()).isEqualTo(200);
        String second = awaitDifferentToken(email, first);

        assertThat(api.get("/api/v1/auth/verify-email?token=" + first).errorCode()).isEqualTo("TOKEN_INVALID_OR_EXPIRED");
        Api.Response ok = api.get("/api/v1/auth/verify-email?token=" + second);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().at("/emailVerified").asBoolean()).isTrue();
    }

    @Test
    void verificationTokensExpireAfterADay() {
        String email = uniqueEmail("late");
        signUp(email);
        String token = TestMail.awaitToken(email, "Verify", VERIFY);
        clock.advance(Duration.ofHours(25));
        assertThat(api.post("/api/v1/auth/verify-email", Api.map("token", token)).errorCode()).isEqualTo("TOKEN_INVALID_OR_EXPIRED");
    }

    @Test
    void passwordResetByEmailEndsEverySessionAndTheTokenWorksOnce() {
        String email = uniqueEmail("reset");
        Api.Response up = signUp(email);
        Api.Response forgot = api.post("/api/v1/auth/password/forgot", Api.map("email", email));
        assertThat(forgot.status()).isEqualTo(202);
        String token = TestMail.awaitToken(email, "Reset", RESET);

        Api.Response weak = api.post("/api/v1/auth/password/reset", Api.map("token", token, "newPassword", "password1"));
        assertThat(weak.errorCode()).isEqualTo("WEAK_PASSWORD");
        // a refused password did not spend the token
        Api.Response reset = api.post("/api/v1/auth/reset-password", Api.map("token", token, "new_password", "brand new passphrase here"));
        assertThat(reset.status()).isEqualTo(200);

        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(up))).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", "brand new passphrase here")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/password/reset", Api.map("token", token, "newPassword", "yet another passphrase")).errorCode())
                .isEqualTo("TOKEN_INVALID_OR_EXPIRED");
    }

    @Test
    void forgotPasswordAnswersTheSameForUnknownEmails() {
        Api.Response unknown = api.post("/api/v1/auth/forgot-password", Api.map("email", uniqueEmail("nobody")));
        String email = uniqueEmail("somebody");
        signUp(email);
        Api.Response known = api.post("/api/v1/auth/forgot-password", Api.map("email", email));
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(202);
        assertThat(unknown.text("/message")).isEqualTo(known.text("/message"));
    }

    @Test
    void resetTokensExpireAfterAnHour() {
        String email = uniqueEmail("resetlate");
        signUp(email);
        api.post("/api/v1/auth/password/forgot", Api.map("email", email));
        String token = TestMail.awaitToken(email, "Reset", RESET);
        clock.advance(Duration.ofMinutes(61));
        assertThat(api.post("/api/v1/auth/password/reset", Api.map("token", token, "newPassword", "brand new passphrase here")).errorCode())
                .isEqualTo("TOKEN_INVALID_OR_EXPIRED");
    }

    @Test
    void emailsAreLocalisedByAcceptLanguage() {
        String email = uniqueEmail("es");
        api.post("/api/v1/auth/signup", Api.map("email", email, "password", PASSWORD), "Accept-Language", "es-ES,es;q=0.9");
        assertThat(TestMail.awaitToken(email, "Verifique", VERIFY)).startsWith("evt_");
    }

    private static String awaitDifferentToken(String email, String old) {
        for (int i = 0; i < 100; i++) {
            String t = TestMail.awaitToken(email, "Verify", VERIFY);
            if (!t.equals(old)) return t;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no second verification email");
    }
}
