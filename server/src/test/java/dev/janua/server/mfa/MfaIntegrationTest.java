package dev.janua.server.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** TOTP enrolment, sign-in with a second factor, replay, attempt limits, backup codes, disabling. */
class MfaIntegrationTest extends MfaTestSupport {

    @Test
    void enrolTotpThenSignInNeedsTheSecondFactor() {
        String email = uniqueEmail("totp");
        Api.Response up = signUp(email);
        String access = accessToken(up);
        String userId = up.text("/user/id");

        Api.Response setup = api.post("/api/v1/auth/mfa/enable", Api.map("type", "totp"), "Authorization", Api.bearer(access));
        assertThat(setup.status()).isEqualTo(200);
        String secret = setup.text("/secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(setup.text("/otpauthUri")).startsWith("otpauth://totp/Janua:").contains("secret=" + secret);
        assertThat(setup.text("/qrCodeUrl")).startsWith("data:image/png;base64,");
        assertThat(setup.json().path("backupCodes").size()).isEqualTo(10);
        String stored = jdbc.sql("SELECT secret_enc FROM mfa_totp WHERE user_id = :u").param("u", userId).query(String.class).single();
        assertThat(stored).startsWith("v1.").doesNotContain(secret);

        // not on until confirmed: sign-in still answers tokens
        assertThat(passwordSignIn(email).json().path("requiresMfa").asBoolean()).isFalse();
        Api.Response wrong = api.post("/api/v1/auth/mfa/verify", Api.map("code", "000000", "type", "totp"), "Authorization", Api.bearer(access));
        assertThat(wrong.errorCode()).isEqualTo("INVALID_MFA_CODE");
        Api.Response ok = api.post("/api/v1/auth/mfa/verify", Api.map("code", code(secret), "type", "totp"), "Authorization", Api.bearer(access));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("mfaEnabled").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(access)).json().path("mfaEnabled").asBoolean()).isTrue();
        assertThat(events("mfa.enabled", userId)).isEqualTo(1);

        Api.Response first = passwordSignIn(email);
        assertThat(first.json().path("requiresMfa").asBoolean()).isTrue();
        assertThat(first.text("/mfaToken")).startsWith("tmp_");
        assertThat(first.json().path("methods").toString()).isEqualTo("[\"totp\",\"backup_code\"]");
        assertThat(first.json().has("tokens")).isFalse();
        assertThat(first.json().has("user")).isFalse();

        Api.Response done = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", first.text("/mfaToken"), "method", "totp",
                "code", nextCode(secret)));
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        assertThat(done.text("/tokens/refreshToken")).startsWith("rt_");
        assertThat(done.json().path("requiresMfa").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(done))).status()).isEqualTo(200);
        String signin = jdbc.sql("SELECT data FROM domain_events WHERE type = 'user.signin' AND subject_id = :u ORDER BY seq DESC LIMIT 1")
                .param("u", userId).query(String.class).single();
        assertThat(signin).contains("\"method\":\"password\"").contains("\"mfaMethod\":\"totp\"");

        // the challenge is single use
        Api.Response again = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", first.text("/mfaToken"), "code", nextCode(secret)));
        assertThat(again.errorCode()).isEqualTo("MFA_TOKEN_INVALID");
    }

    @Test
    void aUsedTotpStepIsRefusedEvenOnANewChallenge() {
        Enrolled u = enrolledUser("replay");
        String code = nextCode(u.secret());
        Api.Response ok = api.post("/api/v1/auth/login/mfa", Api.map("tempToken", mfaToken(u.email()), "method", "totp", "code", code));
        assertThat(ok.status()).isEqualTo(200);
        Api.Response replay = api.post("/api/v1/auth/login/mfa", Api.map("tempToken", mfaToken(u.email()), "method", "totp", "code", code));
        assertThat(replay.errorCode()).isEqualTo("INVALID_MFA_CODE");
        assertThat(replay.json().at("/error/details/attempts_remaining").asInt()).isEqualTo(4);
    }

    @Test
    void parallelRequestsWithTheSameCodeLetExactlyOneThrough() throws Exception {
        Enrolled u = enrolledUser("race");
        String code = nextCode(u.secret());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) tokens.add(mfaToken(u.email()));
        List<Api.Response> results = parallel(tokens.stream().<Callable<Api.Response>>map(t -> () ->
                api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", t, "code", code))).toList());
        assertThat(results.stream().filter(r -> r.status() == 200).count()).isEqualTo(1);
        assertThat(results.stream().filter(r -> "INVALID_MFA_CODE".equals(r.errorCode())).count()).isEqualTo(5);
    }

    @Test
    void fiveWrongCodesVoidTheChallenge() {
        Enrolled u = enrolledUser("wrong");
        String token = mfaToken(u.email());
        for (int i = 1; i <= 5; i++) {
            Api.Response r = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", token, "method", "totp", "code", "000000"));
            assertThat(r.errorCode()).isEqualTo("INVALID_MFA_CODE");
            assertThat(r.json().at("/error/details/attempts_remaining").asInt()).isEqualTo(5 - i);
        }
        Api.Response right = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", token, "method", "totp", "code", nextCode(u.secret())));
        assertThat(right.errorCode()).isEqualTo("MFA_TOKEN_INVALID");
        assertThat(right.json().at("/error/details/reason").asString()).isEqualTo("too_many_attempts");
        assertThat(events("mfa.challenge_failed", u.userId())).isEqualTo(5);
    }

    @Test
    void concurrentWrongCodesNeverExceedTheAttemptLimit() throws Exception {
        Enrolled u = enrolledUser("flood");
        String token = mfaToken(u.email());
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String wrong = String.format("%06d", 100000 + i);
            calls.add(() -> api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", token, "method", "totp", "code", wrong)));
        }
        List<Api.Response> results = parallel(calls);
        long judged = results.stream().filter(r -> "INVALID_MFA_CODE".equals(r.errorCode())).count();
        long refused = results.stream().filter(r -> "MFA_TOKEN_INVALID".equals(r.errorCode())).count();
        assertThat(judged).isEqualTo(5);
        assertThat(refused).isEqualTo(11);
        int attempts = jdbc.sql("SELECT attempts FROM mfa_challenges WHERE user_id = :u").param("u", u.userId()).query(Integer.class).single();
        assertThat(attempts).isEqualTo(5);
    }

    @Test
    void backupCodesSignInOnceEachAndRegeneratingVoidsTheOldSet() {
        Enrolled u = enrolledUser("backup");
        String code = u.backupCodes().get(3);
        Api.Response ok = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(u.email()), "method", "backup_code",
                "code", code.toLowerCase()));
        assertThat(ok.status()).isEqualTo(200);
        String access = accessToken(ok);
        Api.Response reuse = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(u.email()), "method", "backup_code", "code", code));
        assertThat(reuse.errorCode()).isEqualTo("INVALID_MFA_CODE");

        Api.Response count = api.get("/api/v1/mfa/backup-codes", "Authorization", Api.bearer(access));
        assertThat(count.json().path("remaining").asInt()).isEqualTo(9);
        assertThat(count.json().path("total").asInt()).isEqualTo(10);

        assertThat(api.post("/api/v1/mfa/backup-codes/regenerate", Api.map(), "Authorization", Api.bearer(access)).errorCode())
                .isEqualTo("VALIDATION_ERROR");
        assertThat(api.post("/api/v1/mfa/backup-codes/regenerate", Api.map("password", "wrong password!"), "Authorization",
                Api.bearer(access)).errorCode()).isEqualTo("INVALID_CREDENTIALS");
        Api.Response regen = api.post("/api/v1/mfa/backup-codes/regenerate", Api.map("password", PASSWORD), "Authorization", Api.bearer(access));
        assertThat(regen.status()).isEqualTo(200);
        assertThat(regen.json().path("backupCodes").size()).isEqualTo(10);
        String fresh = regen.json().path("backupCodes").get(0).asString();
        Api.Response old = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(u.email()), "code", u.backupCodes().get(5)));
        assertThat(old.errorCode()).isEqualTo("INVALID_MFA_CODE");
        Api.Response withFresh = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(u.email()), "code", fresh));
        assertThat(withFresh.status()).isEqualTo(200);
        assertThat(events("mfa.backup_codes_regenerated", u.userId())).isEqualTo(1);
    }

    @Test
    void disablingNeedsThePasswordOrACodeAndTurnsEverythingOff() {
        Enrolled u = enrolledUser("disable");
        Api.Response in = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(u.email()), "code", nextCode(u.secret())));
        String access = accessToken(in);
        assertThat(api.post("/api/v1/mfa/disable", Api.map("code", "123456"), "Authorization", Api.bearer(access)).errorCode())
                .isEqualTo("INVALID_MFA_CODE");
        Api.Response off = api.post("/api/v1/mfa/disable", Api.map("code", nextCode(u.secret())), "Authorization", Api.bearer(access));
        assertThat(off.status()).isEqualTo(200);
        assertThat(events("mfa.disabled", u.userId())).isEqualTo(1);
        Api.Response plain = passwordSignIn(u.email());
        assertThat(plain.json().path("requiresMfa").asBoolean()).isFalse();
        assertThat(plain.text("/tokens/accessToken")).isNotBlank();
        assertThat(plain.json().at("/user/mfaEnabled").asBoolean()).isFalse();
        assertThat(api.post("/api/v1/mfa/disable", Api.map("password", PASSWORD), "Authorization", Api.bearer(accessToken(plain))).errorCode())
                .isEqualTo("MFA_NOT_ENABLED");
    }

    @Test
    void seedAliasesOfSetupAndVerifyAndSnakeCaseBodies() {
        String email = uniqueEmail("alias");
        String access = accessToken(signUp(email));
        Api.Response setup = api.post("/v1/mfa/totp/enable", null, "Authorization", Api.bearer(access));
        assertThat(setup.status()).isEqualTo(200);
        assertThat(setup.text("/qrCode")).startsWith("data:image/png;base64,");
        Api.Response again = api.post("/api/v1/mfa/totp/setup", null, "Authorization", Api.bearer(access));
        assertThat(again.text("/secret")).as("a pending set-up is replaced").isNotEqualTo(setup.text("/secret"));
        Api.Response verify = api.post("/v1/mfa/totp/verify", Api.map("code", code(again.text("/secret"))), "Authorization", Api.bearer(access));
        assertThat(verify.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/mfa/setup", null, "Authorization", Api.bearer(access)).errorCode()).isEqualTo("MFA_ALREADY_ENABLED");
        Api.Response status = api.get("/api/v1/mfa/status", "Authorization", Api.bearer(access));
        assertThat(status.json().path("enabled").asBoolean()).isTrue();
        assertThat(status.json().at("/methods/0/type").asString()).isEqualTo("totp");
        assertThat(status.json().at("/backupCodes/remaining").asInt()).isEqualTo(10);

        Api.Response first = api.post("/v1/auth/login", Api.map("email", email, "password", PASSWORD));
        Api.Response done = api.post("/v1/auth/login/mfa", Api.map("temp_token", first.text("/mfaToken"), "method", "totp",
                "code", nextCode(again.text("/secret"))));
        assertThat(done.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/mfa/setup", null).errorCode()).isEqualTo("UNAUTHORIZED");
        assertThat(api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", "tmp_forged", "code", "123456")).errorCode())
                .isEqualTo("MFA_TOKEN_INVALID");
        assertThat(api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(email), "method", "sms", "code", "123456")).errorCode())
                .isEqualTo("MFA_METHOD_UNAVAILABLE");
    }

    @Test
    void newChallengesDoNotBuyNewGuessesBeyondTenCodesPerUser() {
        Enrolled u = enrolledUser("guesses");
        for (int challenge = 0; challenge < 2; challenge++) {
            String token = mfaToken(u.email());
            for (int i = 0; i < 5; i++) {
                assertThat(api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", token, "code", "000000")).errorCode())
                        .isEqualTo("INVALID_MFA_CODE");
            }
        }
        Api.Response blocked = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(u.email()), "code", nextCode(u.secret())));
        assertThat(blocked.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(blocked.json().at("/error/details/reason").asString()).isEqualTo("too_many_codes");
        clock.advance(java.time.Duration.ofMinutes(15));
        Api.Response later = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(u.email()), "code", nextCode(u.secret())));
        assertThat(later.status()).as(later.raw().body()).isEqualTo(200);
        // signed-in checks draw on the same allowance
        String access = accessToken(later);
        for (int i = 0; i < 10; i++) {
            assertThat(api.post("/api/v1/mfa/verify", Api.map("code", "000000"), "Authorization", Api.bearer(access)).errorCode())
                    .isEqualTo("INVALID_MFA_CODE");
        }
        assertThat(api.post("/api/v1/mfa/disable", Api.map("code", nextCode(u.secret())), "Authorization", Api.bearer(access)).errorCode())
                .isEqualTo("RATE_LIMITED");
    }

    @Test
    void theChallengeExpiresAfterFiveMinutes() {
        Enrolled u = enrolledUser("expiry");
        String token = mfaToken(u.email());
        clock.advance(java.time.Duration.ofMinutes(5).plusSeconds(1));
        Api.Response late = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", token, "code", code(u.secret())));
        assertThat(late.errorCode()).isEqualTo("MFA_TOKEN_INVALID");
        assertThat(late.json().at("/error/details/reason").asString()).isEqualTo("expired");
    }

    static List<Api.Response> parallel(List<Callable<Api.Response>> calls) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            List<Future<Api.Response>> futures = pool.invokeAll(calls);
            List<Api.Response> out = new ArrayList<>();
            for (Future<Api.Response> f : futures) out.add(f.get());
            return out;
        }
    }
}
