package dev.janua.server.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.mfa.app.FactorChecks;
import dev.janua.server.mfa.app.MfaAccountService;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Confirming a TOTP set-up confirms the secret the code was checked against, or nothing: a set-up
 * that lands between the check and the confirmation replaced the pending secret with one the
 * user's app does not have, so the confirmation answers 409 {@code MFA_SETUP_IN_PROGRESS} and
 * leaves the new set-up pending (before, it confirmed the new secret and locked the user out of
 * their own second factor). The window is a few statements wide, so the first two tests put a
 * set-up into it by calling the check (the first half of {@code POST /mfa/verify}) and the
 * confirmation (its second half) around a real {@code POST /mfa/setup}; the third races them over HTTP.
 */
class TotpConfirmRaceIntegrationTest extends MfaTestSupport {
    private static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test", null);
    @Autowired
    FactorChecks checks;
    @Autowired
    MfaAccountService accounts;

    @Test
    void confirmWhenASetUpReplacedTheCheckedSecretThenConflictAndTheNewSetUpStaysPending() {
        Api.Response up = signUp(uniqueEmail("confirm-race"));
        String userId = up.text("/user/id");
        String[] auth = {"Authorization", Api.bearer(accessToken(up))};
        String first = setUp(auth);

        // the check half of POST /mfa/verify, with a code from the app that scanned the first secret
        String checked = checks.pendingTotp(userId, code(first)).orElseThrow();
        // a second set-up lands in between (another tab, a double click)
        String second = setUp(auth);
        assertThat(second).isNotEqualTo(first);
        // the confirmation half
        assertThatThrownBy(() -> accounts.activateTotp(userId, checked, CLIENT))
                .isInstanceOfSatisfying(JanuaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MFA_SETUP_IN_PROGRESS));

        // nothing confirmed: MFA off, the second set-up pending with its backup codes, no mfa.enabled event
        assertThat(confirmedAt(userId)).isNull();
        assertThat(api.get("/api/v1/mfa", auth).json().path("enabled").asBoolean()).isFalse();
        assertThat(events("mfa.enabled", userId)).isZero();
        // the second secret is the one that can be confirmed, and then the only one that counts
        assertThat(api.post("/api/v1/mfa/verify", Api.map("code", nextCode(second)), auth).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/mfa/verify", Api.map("code", nextCode(first)), auth).errorCode()).isEqualTo("INVALID_MFA_CODE");
        assertThat(api.post("/api/v1/mfa/verify", Api.map("code", nextCode(second)), auth).status()).isEqualTo(200);
    }

    @Test
    void confirmOfTheSecretStillPendingWorksOnceAndALaterSetUpIsRefused() {
        Api.Response up = signUp(uniqueEmail("confirm-same"));
        String userId = up.text("/user/id");
        String[] auth = {"Authorization", Api.bearer(accessToken(up))};
        String secret = setUp(auth);
        String checked = checks.pendingTotp(userId, code(secret)).orElseThrow();
        accounts.activateTotp(userId, checked, CLIENT);
        assertThat(confirmedAt(userId)).isNotNull();
        assertThat(api.post("/api/v1/mfa/setup", Api.map("type", "totp"), auth).errorCode()).isEqualTo("MFA_ALREADY_ENABLED");
        assertThat(api.post("/api/v1/mfa/verify", Api.map("code", nextCode(secret)), auth).status()).isEqualTo(200);
    }

    /**
     * Over HTTP: a confirmation and a new set-up at once, many times. Whatever the order, the state
     * left behind agrees with the answers: a 200 confirmation means the secret it was checked
     * against is the enrolled one (its next code passes) and the set-up was refused; a 200 set-up
     * means MFA is still off with the new secret pending.
     */
    @Test
    void confirmAndSetUpRacingOverHttpLeaveAStateThatMatchesTheAnswers() throws Exception {
        for (int round = 0; round < 8; round++) {
            Api.Response up = signUp(uniqueEmail("confirm-http"));
            String userId = up.text("/user/id");
            String[] auth = {"Authorization", Api.bearer(accessToken(up))};
            String first = setUp(auth);
            String code = code(first);
            List<Api.Response> answers = MfaIntegrationTest.parallel(List.of(
                    () -> api.post("/api/v1/mfa/verify", Api.map("code", code), auth),
                    () -> api.post("/api/v1/mfa/setup", Api.map("type", "totp"), auth)));
            Api.Response verify = answers.get(0);
            Api.Response setup = answers.get(1);
            assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.raw().body()).isLessThan(500));
            assertThat(verify.status() == 200 && setup.status() == 200).as("both cannot win").isFalse();
            if (verify.status() == 200) {
                assertThat(setup.errorCode()).isIn("MFA_ALREADY_ENABLED", "MFA_SETUP_IN_PROGRESS");
                assertThat(confirmedAt(userId)).isNotNull();
                assertThat(api.post("/api/v1/mfa/verify", Api.map("code", nextCode(first)), auth).status())
                        .as("the confirmed secret is the one the code came from").isEqualTo(200);
            } else {
                assertThat(verify.errorCode()).isIn("MFA_SETUP_IN_PROGRESS", "INVALID_MFA_CODE");
                assertThat(confirmedAt(userId)).isNull();
                if (setup.status() == 200) {
                    String second = setup.text("/secret");
                    assertThat(api.post("/api/v1/mfa/verify", Api.map("code", nextCode(second)), auth).status()).isEqualTo(200);
                }
            }
        }
    }

    private String setUp(String[] auth) {
        Api.Response r = api.post("/api/v1/mfa/setup", Api.map("type", "totp"), auth);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.text("/secret");
    }

    private Object confirmedAt(String userId) {
        return jdbc.sql("SELECT confirmed_at FROM mfa_totp WHERE user_id = :u").param("u", userId)
                .query((rs, i) -> rs.getObject(1)).optional().orElse(null);
    }
}
