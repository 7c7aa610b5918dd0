package dev.janua.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.mfa.MfaTestSupport;
import dev.janua.server.support.Api;
import org.junit.jupiter.api.Test;

/**
 * A password sign-in counts its attempt as a failure before hashing and, when the password is right,
 * leaves the clearing to the transaction that starts the session (issue 16: one write fewer). Every way
 * a right password ends without a session must still clear the count.
 */
class SignInClearsFailuresIntegrationTest extends MfaTestSupport {

    @Test
    void aRightPasswordThatStartsASessionClearsTheCount() {
        String email = uniqueEmail("clear-session");
        signUp(email);
        for (int i = 0; i < 3; i++) wrongPassword(email);
        assertThat(failedAttempts(email)).isEqualTo(3);
        Api.Response ok = api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(failedAttempts(email)).isZero();
        assertThat(wrongPassword(email).json().at("/error/details/attempts_remaining").asInt()).isEqualTo(4);
    }

    @Test
    void aRightPasswordThatEndsInAnMfaChallengeClearsTheCount() {
        Enrolled user = enrolledUser("clear-mfa");
        for (int i = 0; i < 3; i++) wrongPassword(user.email());
        assertThat(failedAttempts(user.email())).isEqualTo(3);
        mfaToken(user.email()); // right password, answered with a challenge instead of a session
        assertThat(failedAttempts(user.email())).isZero();
    }

    @Test
    void aRightPasswordOfASuspendedAccountClearsTheCount() {
        String email = uniqueEmail("clear-suspended");
        signUp(email);
        for (int i = 0; i < 3; i++) wrongPassword(email);
        jdbc.sql("UPDATE users SET status = 'suspended' WHERE email_normalized = :e").param("e", email).update();
        Api.Response r = api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD));
        assertThat(r.errorCode()).isEqualTo("ACCOUNT_SUSPENDED");
        assertThat(failedAttempts(email)).isZero();
    }

    private Api.Response wrongPassword(String email) {
        return api.post("/api/v1/auth/signin", Api.map("email", email, "password", "definitely not it"));
    }

    private int failedAttempts(String email) {
        return jdbc.sql("SELECT failed_attempts FROM users WHERE email_normalized = :e").param("e", email).query(Integer.class).single();
    }
}
