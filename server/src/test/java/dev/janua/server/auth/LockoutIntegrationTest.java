package dev.janua.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.Concurrently;
import dev.janua.server.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Account lockout (SECURITY.md): 5 failures lock for 15 minutes; counters are atomic; no enumeration. */
class LockoutIntegrationTest extends IntegrationTest {

    @Test
    void attemptsRemainingCountsDownThenTheAccountLocksAndUnlocksAfterFifteenMinutes() {
        String email = uniqueEmail("lock");
        signUp(email);
        for (int expected = 4; expected >= 1; expected--) {
            Api.Response r = wrongPassword(email);
            assertThat(r.errorCode()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(r.json().at("/error/details/attempts_remaining").asInt()).isEqualTo(expected);
        }
        Api.Response fifth = wrongPassword(email);
        assertThat(fifth.status()).isEqualTo(423);
        assertThat(fifth.errorCode()).isEqualTo("ACCOUNT_LOCKED");
        // even the right password is refused while locked
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).errorCode()).isEqualTo("ACCOUNT_LOCKED");

        clock.advance(Duration.ofMinutes(16));
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).status()).isEqualTo(200);
        assertThat(failedAttempts(email)).isZero();
    }

    @Test
    void twentyParallelWrongPasswordsNeverPushTheCountPastTheLockout() throws Exception {
        String email = uniqueEmail("parallel");
        signUp(email);
        List<String> codes = Concurrently.run(20, () -> wrongPassword(email).errorCode());
        assertThat(codes).allMatch(c -> c.equals("INVALID_CREDENTIALS") || c.equals("ACCOUNT_LOCKED"));
        assertThat(codes.stream().filter("INVALID_CREDENTIALS"::equals).count()).isLessThanOrEqualTo(4);
        assertThat(failedAttempts(email)).isEqualTo(5);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).errorCode()).isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    void anUnknownEmailAnswersExactlyLikeAWrongPassword() {
        String known = uniqueEmail("known");
        signUp(known);
        String unknown = uniqueEmail("ghost");
        for (int i = 0; i < 5; i++) {
            Api.Response a = wrongPassword(known);
            Api.Response b = wrongPassword(unknown);
            assertThat(b.status()).isEqualTo(a.status());
            assertThat(b.errorCode()).isEqualTo(a.errorCode());
            assertThat(b.text("/error/message")).isEqualTo(a.text("/error/message"));
            assertThat(b.json().at("/error/details/attempts_remaining").asInt())
                    .isEqualTo(a.json().at("/error/details/attempts_remaining").asInt());
        }
    }

    @Test
    void aPasswordResetLiftsALock() {
        String email = uniqueEmail("resetlock");
        signUp(email);
        for (int i = 0; i < 5; i++) wrongPassword(email);
        assertThat(wrongPassword(email).errorCode()).isEqualTo("ACCOUNT_LOCKED");
        api.post("/api/v1/auth/password/forgot", Api.map("email", email));
        String token = dev.janua.server.support.TestMail.awaitToken(email, "Reset", java.util.regex.Pattern.compile("(prt_[A-Za-z0-9_-]+)"));
        assertThat(api.post("/api/v1/auth/password/reset", Api.map("token", token, "newPassword", "another good passphrase")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", "another good passphrase")).status()).isEqualTo(200);
    }

    private Api.Response wrongPassword(String email) {
        return api.post("/api/v1/auth/signin", Api.map("email", email, "password", "definitely not it"));
    }

    private int failedAttempts(String email) {
        return jdbc.sql("SELECT failed_attempts FROM users WHERE email_normalized = :e").param("e", email).query(Integer.class).single();
    }
}
