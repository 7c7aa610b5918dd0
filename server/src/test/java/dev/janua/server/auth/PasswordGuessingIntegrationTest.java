package dev.janua.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.Concurrently;
import dev.janua.server.support.IntegrationTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every place that checks a password spends the same lockout allowance, checked before hashing. */
class PasswordGuessingIntegrationTest extends IntegrationTest {

    @Test
    void parallelGuessesGetAtMostTheLockoutThresholdOfPasswordsTriedEvenWithTheRightOneAmongThem() throws Exception {
        String email = uniqueEmail("guesses");
        signUp(email);
        AtomicInteger n = new AtomicInteger();
        // 30 guesses at once, the right password among them (the last one submitted)
        List<Api.Response> results = Concurrently.run(30, () -> {
            String password = n.incrementAndGet() == 30 ? PASSWORD : "wrong guess " + n.get();
            return api.post("/api/v1/auth/signin", Api.map("email", email, "password", password));
        });
        long evaluated = results.stream().filter(r -> r.status() == 200 || "INVALID_CREDENTIALS".equals(r.errorCode())).count();
        long locked = results.stream().filter(r -> "ACCOUNT_LOCKED".equals(r.errorCode())).count();
        assertThat(evaluated + locked).isEqualTo(30);
        assertThat(evaluated).as("passwords actually tried").isLessThanOrEqualTo(5);
    }

    @Test
    void wrongCurrentPasswordsOnAccountEndpointsCountTowardsTheLockout() {
        String email = uniqueEmail("recheck");
        Api.Response up = signUp(email);
        String auth = Api.bearer(accessToken(up));
        for (int i = 0; i < 4; i++) {
            Api.Response r = api.post("/api/v1/users/me/password", Api.map("currentPassword", "wrong " + i, "newPassword", "a new long passphrase"),
                    "Authorization", auth);
            assertThat(r.errorCode()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(r.json().at("/error/details/attempts_remaining").asInt()).isEqualTo(4 - i);
        }
        assertThat(api.post("/api/v1/users/me/password", Api.map("currentPassword", "wrong 5", "newPassword", "a new long passphrase"),
                "Authorization", auth).errorCode()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).errorCode()).isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    void aRightPasswordClearsTheCountSoTheUserIsNotLockedByEarlierTypos() {
        String email = uniqueEmail("typos");
        signUp(email);
        for (int i = 0; i < 4; i++) api.post("/api/v1/auth/signin", Api.map("email", email, "password", "typo " + i));
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", "typo again")).json()
                .at("/error/details/attempts_remaining").asInt()).isEqualTo(4);
    }
}
