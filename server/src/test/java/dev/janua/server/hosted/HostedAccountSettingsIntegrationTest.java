package dev.janua.server.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import dev.janua.server.support.TestOutbox;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The account page's forms (profile, password, authenticator, MFA off, trusted devices) and SMS as the second sign-in step. */
class HostedAccountSettingsIntegrationTest extends HostedTestSupport {

    private BrowserClient signedIn(String email) {
        BrowserClient b = browser();
        HttpResponse<String> r = submitPassword(b, "/hosted/sign-in", email, PASSWORD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return b;
    }

    @Test
    void profileAndPasswordChangesGoThroughTheApisRules() {
        String email = uniqueEmail("ha-profile");
        Api.Response up = signUp(email); // an API session, which the password change must end
        BrowserClient b = signedIn(email);
        HttpResponse<String> account = b.get("/hosted/account");
        HttpResponse<String> saved = b.submit(account, "/hosted/account/profile", Map.of("first_name", "Grace", "last_name", "Hopper"));
        assertThat(saved.statusCode()).isEqualTo(303);
        HttpResponse<String> after = b.follow(saved);
        assertThat(after.body()).contains("Grace Hopper").contains("Your profile is saved");
        assertThat(api.get("/api/v1/users/me", "Authorization", Api.bearer(accessToken(up))).text("/firstName")).isEqualTo("Grace");

        HttpResponse<String> wrong = b.submit(after, "/hosted/account/password",
                Map.of("current_password", "not my password", "new_password", "a fresh passphrase", "confirm_password", "a fresh passphrase"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("role=\"alert\"");
        HttpResponse<String> weak = b.submit(after, "/hosted/account/password",
                Map.of("current_password", PASSWORD, "new_password", "password1", "confirm_password", "password1"));
        assertThat(weak.statusCode()).isEqualTo(422);
        HttpResponse<String> mismatch = b.submit(after, "/hosted/account/password",
                Map.of("current_password", PASSWORD, "new_password", "a fresh passphrase", "confirm_password", "other"));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("not the same");
        HttpResponse<String> changed = b.submit(after, "/hosted/account/password",
                Map.of("current_password", PASSWORD, "new_password", "a fresh passphrase", "confirm_password", "a fresh passphrase"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(b.follow(changed).statusCode()).as("this browser stays signed in").isEqualTo(200);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(up))).status()).as("the other session ended").isEqualTo(401);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", "a fresh passphrase")).status()).isEqualTo(200);
    }

    @Test
    void wrongCurrentPasswordsOnTheAccountPageCountTowardsTheLockout() {
        String email = uniqueEmail("ha-lock");
        signUp(email);
        BrowserClient b = signedIn(email);
        HttpResponse<String> account = b.get("/hosted/account");
        int last = 0;
        for (int i = 0; i < 5; i++) {
            last = b.submit(account, "/hosted/account/password", Map.of("current_password", "wrong " + i,
                    "new_password", "a fresh passphrase", "confirm_password", "a fresh passphrase")).statusCode();
        }
        assertThat(last).isIn(401, 423);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", PASSWORD)).errorCode()).isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    void authenticatorEnrolmentShowsTheSecretThenAConfirmedCodeTurnsMfaOnAndThePasswordTurnsItOff() {
        String email = uniqueEmail("ha-totp");
        Api.Response up = signUp(email);
        BrowserClient b = signedIn(email);
        HttpResponse<String> account = b.get("/hosted/account");
        HttpResponse<String> setup = b.submit(account, "/hosted/account/mfa/totp", Map.of());
        assertThat(setup.statusCode()).isEqualTo(200);
        assertThat(setup.body()).contains("<img").contains("src=\"data:image/png;base64,").doesNotContain("<script");
        Matcher m = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(setup.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);

        HttpResponse<String> wrong = b.submit(setup, "/hosted/account/mfa/totp/confirm", Map.of("code", "000000".equals(code(secret)) ? "111111" : "000000"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("role=\"alert\"").contains(secret);
        HttpResponse<String> on = b.submit(wrong, "/hosted/account/mfa/totp/confirm", Map.of("code", nextCode(secret)));
        assertThat(on.statusCode()).as(on.body()).isEqualTo(303);
        assertThat(b.follow(on).body()).contains("Two-step verification is on");
        assertThat(api.get("/api/v1/users/me", "Authorization", Api.bearer(accessToken(up))).json().at("/mfaEnabled").asBoolean()).isTrue();

        HttpResponse<String> page = b.get("/hosted/account");
        HttpResponse<String> refused = b.submit(page, "/hosted/account/mfa/disable", Map.of("password", "not my password"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(b.submit(page, "/hosted/account/mfa/disable", Map.of()).statusCode()).isEqualTo(422);
        HttpResponse<String> off = b.submit(page, "/hosted/account/mfa/disable", Map.of("password", PASSWORD));
        assertThat(off.statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT mfa_enabled FROM users WHERE email = :e").param("e", email).query(Boolean.class).single()).isFalse();
    }

    @Test
    void trustedDevicesAreListedAndRevocableButOnlyTheirOwn() {
        Enrolled user = enrolledUser("ha-devices");
        BrowserClient b = browser();
        HttpResponse<String> mfa = submitPassword(b, "/hosted/sign-in", user.email(), PASSWORD);
        HttpResponse<String> in = b.submit(mfa, "/hosted/sign-in/mfa", Map.of("code", nextCode(user.secret()), "trust_device", "true"));
        assertThat(in.statusCode()).isEqualTo(303);
        HttpResponse<String> account = b.get("/hosted/account");
        String deviceId = jdbc.sql("SELECT id FROM mfa_trusted_devices WHERE user_id = :u").param("u", user.userId()).query(String.class).single();
        assertThat(account.body()).contains("Trusted devices").contains("/hosted/account/devices/" + deviceId + "/revoke");

        // someone else's device id: not found, shown as a page, nothing changes
        Enrolled other = enrolledUser("ha-devices-other");
        BrowserClient o = browser();
        HttpResponse<String> omfa = submitPassword(o, "/hosted/sign-in", other.email(), PASSWORD);
        o.submit(omfa, "/hosted/sign-in/mfa", Map.of("code", nextCode(other.secret())));
        HttpResponse<String> oaccount = o.get("/hosted/account");
        HttpResponse<String> foreign = o.post("/hosted/account/devices/" + deviceId + "/revoke",
                BrowserClient.hiddenFields(oaccount.body(), "/hosted/account/profile"));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM mfa_trusted_devices WHERE id = :d").param("d", deviceId).query(Boolean.class).single()).isTrue();

        HttpResponse<String> revoked = b.submit(account, "/hosted/account/devices/" + deviceId + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM mfa_trusted_devices WHERE id = :d").param("d", deviceId).query(Boolean.class).single()).isFalse();
    }

    @Test
    void smsIsTheSecondStepWhenThatIsTheUsersFactor() {
        String email = uniqueEmail("ha-sms");
        Api.Response up = signUp(email);
        String access = accessToken(up);
        String phone = "+1415557" + String.format("%04d", (int) (Math.random() * 10000));
        assertThat(api.post("/api/v1/auth/mfa/enable", Api.map("type", "sms", "phone_number", phone), "Authorization", Api.bearer(access))
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/mfa/verify", Api.map("type", "sms", "code", lastSmsCode(phone, 1)), "Authorization",
                Api.bearer(access)).status()).isEqualTo(200);

        BrowserClient b = browser();
        HttpResponse<String> mfa = submitPassword(b, "/hosted/sign-in", email, PASSWORD);
        assertThat(mfa.statusCode()).isEqualTo(200);
        assertThat(mfa.body()).contains("Text me a code").doesNotContain("authenticator app");
        HttpResponse<String> texted = b.submit(mfa, "/hosted/sign-in/mfa/sms", Map.of());
        assertThat(texted.statusCode()).as(texted.body()).isEqualTo(200);
        assertThat(texted.body()).contains("We texted a code to").contains("value=\"sms\"");
        String code = lastSmsCode(phone, 2);
        HttpResponse<String> wrong = b.submit(texted, "/hosted/sign-in/mfa", Map.of("code", "000000".equals(code) ? "111111" : "000000"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("role=\"alert\"").contains("We texted a code to").contains("value=\"sms\"");
        HttpResponse<String> ok = b.submit(wrong, "/hosted/sign-in/mfa", Map.of("code", code));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT amr FROM browser_sessions WHERE user_id = :u").param("u", up.text("/user/id"))
                .query(String.class).single()).isEqualTo("pwd sms mfa");

        // the spent challenge: back to sign-in with a message, never a 500
        Map<String, String> again = BrowserClient.hiddenFields(texted.body(), "/hosted/sign-in/mfa/sms");
        again.put("_csrf", BrowserClient.hiddenFields(b.get("/hosted/sign-out").body(), "/hosted/sign-out").get("_csrf"));
        HttpResponse<String> spent = b.post("/hosted/sign-in/mfa/sms", again);
        assertThat(spent.statusCode()).isEqualTo(401);
        assertThat(spent.body()).contains("role=\"alert\"").contains("name=\"password\"");
    }

    /** The n-th text to the phone (texts leave through the outbox after commit). */
    private String lastSmsCode(String phone, int count) {
        TestOutbox.awaitHandedOn(jdbc, phone);
        for (int i = 0; i < 200; i++) {
            Api.Response r = api.get("/api/v1/dev/sms?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
            if (r.json().path("data").size() >= count) {
                Matcher m = Pattern.compile("(\\d{6})").matcher(r.text("/data/0/body"));
                assertThat(m.find()).isTrue();
                return m.group(1);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no text number " + count + " to " + phone);
    }

}
