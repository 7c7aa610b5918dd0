package dev.janua.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.Concurrently;
import dev.janua.server.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Parallel sign-ups racing for one email or one username: one account, and the loser told which. */
class SignUpRaceIntegrationTest extends IntegrationTest {

    @Test
    void parallelSignUpsWithOneEmailMakeOneAccount() throws Exception {
        String email = uniqueEmail("race");
        List<Api.Response> results = Concurrently.run(10, () -> api.post("/api/v1/auth/signup", Api.map("email", email, "password", PASSWORD)));
        assertThat(results.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(results.stream().filter(r -> r.status() != 201)).allMatch(r -> "EMAIL_ALREADY_EXISTS".equals(r.errorCode()));
    }

    @Test
    void parallelSignUpsWithOneUsernameTellTheLosersTheUsernameIsTaken() throws Exception {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger n = new AtomicInteger();
        List<Api.Response> results = Concurrently.run(10, () -> api.post("/api/v1/auth/signup",
                Api.map("email", uniqueEmail("uname" + n.incrementAndGet()), "password", PASSWORD, "username", username)));
        assertThat(results.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(results.stream().filter(r -> r.status() != 201)).allMatch(r -> "USERNAME_ALREADY_EXISTS".equals(r.errorCode()));
    }
}
