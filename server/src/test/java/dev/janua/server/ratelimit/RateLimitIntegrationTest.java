package dev.janua.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Limits with their real default sizes. The suite's own traffic comes from the exempt 127.0.0.1;
 * these tests present other client addresses through X-Forwarded-For (trusted in tests).
 */
class RateLimitIntegrationTest extends IntegrationTest {

    private static String someIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    @Test
    void everyResponseCarriesTheHeadersOfItsBucket() {
        String ip = someIp();
        Api.Response first = api.get("/health", "X-Forwarded-For", ip);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("100");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("99");
        assertThat(first.header("X-RateLimit-Bucket")).isEqualTo("default");
        assertThat(first.header("X-RateLimit-Window")).as("the bucket's period in seconds (seed 000)").isEqualTo("60");
        // exempt addresses are told their bucket too
        assertThat(api.get("/health").header("X-RateLimit-Window")).isEqualTo("60");
        long reset = Long.parseLong(first.header("X-RateLimit-Reset"));
        assertThat(reset).isBetween(System.currentTimeMillis() / 1000, System.currentTimeMillis() / 1000 + 61);
        assertThat(api.get("/api/v1/nowhere", "X-Forwarded-For", ip).header("X-RateLimit-Remaining")).isEqualTo("98");

        Api.Response me = signUp(uniqueEmail("rl-me"));
        Api.Response authed = api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(me)), "X-Forwarded-For", ip);
        assertThat(authed.status()).isEqualTo(200);
        assertThat(authed.header("X-RateLimit-Bucket")).isEqualTo("authenticated");
        assertThat(authed.header("X-RateLimit-Limit")).isEqualTo("1000");
        assertThat(authed.header("X-RateLimit-Window")).isEqualTo("60");
        // a forged token is charged to the IP, not to a user
        Api.Response forged = api.get("/api/v1/auth/me", "Authorization", "Bearer not-a-jwt", "X-Forwarded-For", ip);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.header("X-RateLimit-Bucket")).isEqualTo("default");
    }

    @Test
    void theEleventhSignInAttemptFromOneAddressInAMinuteIsRefused() {
        String ip = someIp();
        String email = uniqueEmail("rl-auth");
        for (int i = 1; i <= 10; i++) {
            // a different email each time: guessing across accounts, which the per-account lockout does not catch
            Api.Response r = api.post("/api/v1/auth/signin", Api.map("email", uniqueEmail("rl-guess"), "password", "wrong-" + i),
                    "X-Forwarded-For", ip);
            assertThat(r.status()).as("attempt " + i).isEqualTo(401);
            assertThat(r.header("X-RateLimit-Bucket")).isEqualTo("auth");
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(10 - i));
        }
        Api.Response refused = api.post("/api/v1/auth/signin", Api.map("email", email, "password", "x"), "X-Forwarded-For", ip);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.json().at("/error/details/retryAfter").asLong()).isEqualTo(retryAfter);
        assertThat(refused.json().at("/error/details/bucket").asString()).isEqualTo("auth");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.json().at("/error/requestId").asString()).isEqualTo(refused.header("X-Request-ID"));
        // even a correct password and a valid token of one's own account do not get past it
        Api.Response mine = signUp(uniqueEmail("rl-own"));
        assertThat(api.post("/v1/auth/login", Api.map("email", mine.text("/user/email"), "password", PASSWORD),
                "X-Forwarded-For", ip, "Authorization", Api.bearer(accessToken(mine))).status()).isEqualTo(429);
        // another address is not affected
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", "x"), "X-Forwarded-For", someIp()).status()).isEqualTo(401);
    }

    @Test
    void passwordResetIsLimitedPerEmailWhetherOrNotTheAccountExists() {
        for (String email : new String[] {signUp(uniqueEmail("rl-reset")).text("/user/email"), uniqueEmail("rl-nobody")}) {
            for (int i = 0; i < 3; i++) {
                // a different address each time: the email bucket, not the IP bucket, is what runs out
                Api.Response ok = api.post("/api/v1/auth/password/forgot", Api.map("email", email), "X-Forwarded-For", someIp());
                assertThat(ok.status()).isEqualTo(202);
            }
            Api.Response refused = api.post("/api/v1/auth/forgot-password", Api.map("email", email.toUpperCase()), "X-Forwarded-For", someIp());
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("X-RateLimit-Bucket")).isEqualTo("password_reset");
            assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(refused.header("X-RateLimit-Window")).isEqualTo("3600");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        }
    }

    @Test
    void verificationEmailsAreLimitedPerAddress() {
        Api.Response me = signUp(uniqueEmail("rl-verify"));
        int sent = 0;
        Api.Response last;
        do {
            last = api.post("/api/v1/users/me/verify-email/send", null, "Authorization", Api.bearer(accessToken(me)));
            if (last.status() == 200) sent++;
        } while (last.status() == 200 && sent < 10);
        assertThat(sent).isEqualTo(5);
        assertThat(last.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(last.header("X-RateLimit-Bucket")).isEqualTo("email_verification");
    }
}
