package dev.janua.server.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.mfa.domain.Base32;
import dev.janua.server.mfa.domain.Totp;
import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Helpers of the MFA integration tests (and the hosted-page tests): enrol an authenticator, compute its codes, sign in. */
public abstract class MfaTestSupport extends IntegrationTest {

    public record Enrolled(String email, String userId, String secret, List<String> backupCodes) {}

    /** Signs up, sets up TOTP and confirms it; MFA is on afterwards. */
    protected Enrolled enrolledUser(String tag) {
        String email = uniqueEmail(tag);
        Api.Response up = signUp(email);
        String access = accessToken(up);
        Api.Response setup = api.post("/api/v1/mfa/setup", Api.map("type", "totp"), "Authorization", Api.bearer(access));
        assertThat(setup.status()).as(setup.raw().body()).isEqualTo(200);
        String secret = setup.text("/secret");
        List<String> codes = new ArrayList<>();
        setup.json().path("backupCodes").forEach(n -> codes.add(n.asString()));
        Api.Response verify = api.post("/api/v1/mfa/verify", Api.map("code", code(secret)), "Authorization", Api.bearer(access));
        assertThat(verify.status()).as(verify.raw().body()).isEqualTo(200);
        return new Enrolled(email, up.text("/user/id"), secret, codes);
    }

    /** A code of the next 30-second step: every step can be used once per user, so each call moves time on. */
    protected String nextCode(String secret) {
        clock.advance(Duration.ofSeconds(30));
        return code(secret);
    }

    protected String code(String secret) {
        return Totp.DEFAULT.totp(Base32.decode(secret), clock.instant());
    }

    protected Api.Response passwordSignIn(String email, Object... extra) {
        Object[] kv = new Object[4 + extra.length];
        kv[0] = "email";
        kv[1] = email;
        kv[2] = "password";
        kv[3] = PASSWORD;
        System.arraycopy(extra, 0, kv, 4, extra.length);
        Api.Response r = api.post("/api/v1/auth/signin", Api.map(kv));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r;
    }

    protected String mfaToken(String email) {
        Api.Response r = passwordSignIn(email);
        assertThat(r.json().path("requiresMfa").asBoolean()).isTrue();
        return r.text("/mfaToken");
    }

    protected long events(String type, String subjectId) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = :t AND subject_id = :s")
                .param("t", type).param("s", subjectId).query(Long.class).single();
    }
}
