package dev.janua.server.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TestOutbox;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Trusted devices, SMS as a restricted second factor, and enrolment forced by a policy (org mfaRequired). */
class MfaPolicyAndDevicesIntegrationTest extends MfaTestSupport {

    @Test
    void aTrustedDeviceSkipsTheSecondFactorFor30Days() {
        Enrolled u = enrolledUser("trust");
        Api.Response done = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(u.email()), "code", nextCode(u.secret()),
                "trustDevice", true), "User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Firefox/121.0");
        assertThat(done.status()).isEqualTo(200);
        String deviceToken = done.text("/trustedDevice/deviceToken");
        assertThat(deviceToken).startsWith("dvt_");
        assertThat(done.header("Set-Cookie")).startsWith("janua_device=" + deviceToken).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mfa_trusted_devices WHERE token_hash = :t").param("t", deviceToken)
                .query(Long.class).single()).as("only the hash is stored").isZero();

        Api.Response withToken = passwordSignIn(u.email(), "deviceToken", deviceToken);
        assertThat(withToken.json().path("requiresMfa").asBoolean()).isFalse();
        assertThat(withToken.text("/tokens/accessToken")).isNotBlank();
        Api.Response withCookie = api.post("/api/v1/auth/signin", Api.map("email", u.email(), "password", PASSWORD),
                "Cookie", "janua_device=" + deviceToken);
        assertThat(withCookie.json().path("requiresMfa").asBoolean()).isFalse();

        // the token is bound to its user: another user's sign-in with it still needs MFA
        Enrolled other = enrolledUser("trust-other");
        assertThat(passwordSignIn(other.email(), "deviceToken", deviceToken).json().path("requiresMfa").asBoolean()).isTrue();

        Api.Response list = api.get("/api/v1/mfa/trusted-devices", "Authorization", Api.bearer(accessToken(withToken)));
        assertThat(list.json().path("data").size()).isEqualTo(1);
        assertThat(list.text("/data/0/userAgent")).contains("Firefox");

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        assertThat(passwordSignIn(u.email(), "deviceToken", deviceToken).json().path("requiresMfa").asBoolean())
                .as("trust expires after 30 days").isTrue();
    }

    @Test
    void untrustingADeviceBringsTheSecondFactorBack() {
        Enrolled u = enrolledUser("untrust");
        Api.Response done = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(u.email()), "code", nextCode(u.secret()),
                "rememberDevice", true));
        String deviceToken = done.text("/trustedDevice/deviceToken");
        String id = done.text("/trustedDevice/id");
        Enrolled stranger = enrolledUser("untrust-stranger");
        Api.Response strangerIn = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(stranger.email()), "code", nextCode(stranger.secret())));
        assertThat(api.delete("/api/v1/mfa/trusted-devices/" + id, null, "Authorization", Api.bearer(accessToken(strangerIn))).status())
                .as("another user's device").isEqualTo(404);
        assertThat(api.delete("/api/v1/mfa/trusted-devices/" + id, null, "Authorization", Api.bearer(accessToken(done))).status()).isEqualTo(200);
        assertThat(passwordSignIn(u.email(), "deviceToken", deviceToken).json().path("requiresMfa").asBoolean()).isTrue();
    }

    @Test
    void smsEnrolmentVerifiesThePhoneAndSignsInWithATextedCode() {
        String email = uniqueEmail("sms");
        Api.Response up = signUp(email);
        String access = accessToken(up);
        String phone = "+1415555" + String.format("%04d", (int) (Math.random() * 10000));
        assertThat(api.post("/api/v1/mfa/sms/setup", Api.map("phoneNumber", "555-0123"), "Authorization", Api.bearer(access)).errorCode())
                .isEqualTo("VALIDATION_ERROR");
        Api.Response sent = api.post("/api/v1/auth/mfa/enable", Api.map("type", "sms", "phone_number", phone), "Authorization", Api.bearer(access));
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(200);
        assertThat(sent.text("/phoneNumber")).endsWith(phone.substring(phone.length() - 4)).startsWith("*");
        String code = lastSmsCode(phone);
        assertThat(api.post("/api/v1/mfa/sms/verify", Api.map("code", "000000".equals(code) ? "111111" : "000000"),
                "Authorization", Api.bearer(access)).errorCode()).isEqualTo("INVALID_MFA_CODE");
        Api.Response ok = api.post("/api/v1/auth/mfa/verify", Api.map("type", "sms", "code", code), "Authorization", Api.bearer(access));
        assertThat(ok.status()).as(ok.raw().body()).isEqualTo(200);
        assertThat(ok.json().path("restricted").asBoolean()).isTrue();
        Api.Response me = api.get("/api/v1/users/me", "Authorization", Api.bearer(access));
        assertThat(me.text("/phoneNumber")).isEqualTo(phone);
        assertThat(me.json().path("phoneVerified").asBoolean()).isTrue();
        assertThat(me.json().path("mfaEnabled").asBoolean()).isTrue();

        Api.Response first = passwordSignIn(email);
        assertThat(first.json().path("methods").toString()).isEqualTo("[\"sms\"]");
        Api.Response text = api.post("/api/v1/auth/login/mfa/sms", Api.map("mfaToken", first.text("/mfaToken")));
        assertThat(text.status()).isEqualTo(200);
        String signinCode = lastSmsCode(phone);
        Api.Response done = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", first.text("/mfaToken"), "method", "sms", "code", signinCode));
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        // an SMS code is single use and belongs to its challenge
        Api.Response second = passwordSignIn(email);
        assertThat(api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", second.text("/mfaToken"), "method", "sms", "code", signinCode))
                .errorCode()).isEqualTo("INVALID_MFA_CODE");
    }

    @Test
    void phoneVerificationAloneAndItsAttemptLimit() {
        String email = uniqueEmail("phone");
        String access = accessToken(signUp(email));
        String phone = "+4930" + String.format("%07d", (int) (Math.random() * 10_000_000));
        assertThat(api.post("/api/v1/users/me/phone/verify/send", Api.map("phoneNumber", phone), "Authorization", Api.bearer(access)).status())
                .isEqualTo(200);
        String code = lastSmsCode(phone);
        String wrong = code.equals("999999") ? "888888" : "999999";
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/users/me/phone/verify/confirm", Api.map("code", wrong), "Authorization", Api.bearer(access))
                    .errorCode()).isEqualTo("INVALID_MFA_CODE");
        }
        assertThat(api.post("/api/v1/users/me/phone/verify/confirm", Api.map("code", code), "Authorization", Api.bearer(access)).errorCode())
                .as("five attempts per code").isEqualTo("TOKEN_INVALID_OR_EXPIRED");
        api.post("/api/v1/users/me/phone/verify/send", Api.map("phoneNumber", phone), "Authorization", Api.bearer(access));
        Api.Response ok = api.post("/api/v1/users/me/phone/verify/confirm", Api.map("code", lastSmsCode(phone)), "Authorization", Api.bearer(access));
        assertThat(ok.status()).isEqualTo(200);
        Api.Response me = api.get("/api/v1/users/me", "Authorization", Api.bearer(access));
        assertThat(me.json().path("phoneVerified").asBoolean()).isTrue();
        assertThat(me.json().path("mfaEnabled").asBoolean()).as("verifying a phone does not turn MFA on").isFalse();
        // changing the number in the profile un-verifies it
        api.patch("/api/v1/users/me", Api.map("phoneNumber", "+4930999999"), "Authorization", Api.bearer(access));
        assertThat(api.get("/api/v1/users/me", "Authorization", Api.bearer(access)).json().path("phoneVerified").asBoolean()).isFalse();
    }

    @Test
    void aPolicyRequiringMfaMakesTheUserEnrolBeforeAFullSession() {
        String email = uniqueEmail("policy");
        Api.Response up = signUp(email);
        String userId = up.text("/user/id");
        TestMfaRequirement.require(userId);

        Api.Response first = passwordSignIn(email);
        assertThat(first.json().path("requiresMfa").asBoolean()).isTrue();
        assertThat(first.json().path("requiresMfaEnrollment").asBoolean()).isTrue();
        assertThat(first.json().path("methods").toString()).isEqualTo("[\"totp\"]");
        assertThat(first.json().has("tokens")).isFalse();
        String token = first.text("/mfaToken");

        assertThat(api.post("/api/v1/mfa/setup", Api.map("type", "sms", "phoneNumber", "+14155550100"), "X-MFA-Token", token).errorCode())
                .as("SMS alone never satisfies a policy").isEqualTo("MFA_METHOD_UNAVAILABLE");
        Api.Response setup = api.post("/api/v1/mfa/setup", Api.map("type", "totp"), "X-MFA-Token", token);
        assertThat(setup.status()).as(setup.raw().body()).isEqualTo(200);
        String secret = setup.text("/secret");
        assertThat(api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", token, "code", "000000")).errorCode()).isEqualTo("INVALID_MFA_CODE");
        Api.Response done = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", token, "method", "totp", "code", code(secret)));
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        assertThat(done.json().at("/user/mfaEnabled").asBoolean()).isTrue();
        assertThat(done.json().path("backupCodes").isMissingNode()).isTrue();
        String access = accessToken(done);
        assertThat(api.get("/api/v1/mfa/backup-codes", "Authorization", Api.bearer(access)).json().path("remaining").asInt()).isEqualTo(10);
        assertThat(api.post("/api/v1/mfa/disable", Api.map("password", PASSWORD), "Authorization", Api.bearer(access)).errorCode())
                .isEqualTo("MFA_REQUIRED");
        // from now on an ordinary second-factor challenge
        Api.Response next = passwordSignIn(email);
        assertThat(next.json().path("requiresMfaEnrollment").isMissingNode()).isTrue();
        assertThat(next.json().path("methods").toString()).isEqualTo("[\"totp\",\"backup_code\"]");
        // an enrolment token does not stand in for a session elsewhere
        assertThat(api.post("/api/v1/mfa/setup", null, "X-MFA-Token", next.text("/mfaToken")).errorCode()).isEqualTo("MFA_TOKEN_INVALID");
    }

    private String lastSmsCode(String phone) {
        TestOutbox.awaitHandedOn(jdbc, phone); // texts leave through the outbox after commit
        Api.Response r = api.get("/api/v1/dev/sms?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(200);
        String body = r.text("/data/0/body");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{6})").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    void aRequiredEnrolmentForAnSmsUserAsksForTheTextedCodeBeforeAnAuthenticatorCanBeSetUp() {
        String email = uniqueEmail("smsfirst");
        Api.Response up = signUp(email);
        String access = accessToken(up);
        String phone = "+1415556" + String.format("%04d", (int) (Math.random() * 10000));
        api.post("/api/v1/auth/mfa/enable", Api.map("type", "sms", "phone_number", phone), "Authorization", Api.bearer(access));
        assertThat(api.post("/api/v1/auth/mfa/verify", Api.map("type", "sms", "code", lastSmsCode(phone)), "Authorization", Api.bearer(access))
                .status()).isEqualTo(200);
        TestMfaRequirement.require(up.text("/user/id"));

        // the password alone must not let anyone enrol an authenticator app (and so take the account)
        Api.Response first = passwordSignIn(email);
        assertThat(first.json().path("requiresMfaEnrollment").asBoolean()).isTrue();
        assertThat(first.json().path("methods").toString()).isEqualTo("[\"sms\"]");
        String token = first.text("/mfaToken");
        assertThat(api.post("/api/v1/mfa/setup", Api.map("type", "totp"), "X-MFA-Token", token).errorCode()).isEqualTo("MFA_TOKEN_INVALID");

        assertThat(api.post("/api/v1/auth/login/mfa/sms", Api.map("mfaToken", token)).status()).isEqualTo(200);
        Api.Response passed = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", token, "method", "sms", "code", lastSmsCode(phone)));
        assertThat(passed.status()).as(passed.raw().body()).isEqualTo(200);
        assertThat(passed.json().path("requiresMfaEnrollment").asBoolean()).isTrue();
        assertThat(passed.json().path("tokens").isMissingNode()).isTrue();
        // now the same challenge may set up the authenticator
        Api.Response setup = api.post("/api/v1/mfa/setup", Api.map("type", "totp"), "X-MFA-Token", token);
        assertThat(setup.status()).as(setup.raw().body()).isEqualTo(200);
        Api.Response done = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", token, "method", "totp", "code", nextCode(setup.text("/secret"))));
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        assertThat(done.text("/tokens/accessToken")).isNotBlank();
    }
}
