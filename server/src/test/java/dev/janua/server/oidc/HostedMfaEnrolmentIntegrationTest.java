package dev.janua.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * MFA enrolment inside the hosted sign-in: a member of an organization with {@code mfaRequired} and
 * no factor signs in through an authorization request, is led to set up an authenticator (QR code,
 * key, backup codes shown once), confirms with a code, and the authorization continues — no session
 * before the code, and every shortcut refused.
 */
class HostedMfaEnrolmentIntegrationTest extends OidcTestSupport {
    static final String REDIRECT = "https://enrol.example.com/cb";

    record Member(String id, String email) {}

    Member mfaRequiredMember(String tag) {
        String email = uniqueEmail(tag);
        Api.Response up = signUp(email);
        Api.Response org = api.post("/api/v1/organizations", Api.map("name", "Strict " + tag, "settings", Api.map("mfaRequired", true)),
                "Authorization", Api.bearer(accessToken(up)));
        assertThat(org.status()).as(org.raw().body()).isEqualTo(201);
        return new Member(up.text("/user/id"), email);
    }

    long browserSessions(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM browser_sessions WHERE user_id = :u").param("u", userId).query(Long.class).single();
    }

    static String secretOf(String html) {
        Matcher m = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    static String qrOf(String html) {
        Matcher m = Pattern.compile("src=\"(data:image/png;base64,[^\"]+)\"").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void aMemberWithoutAFactorEnrolsDuringTheSignInAndTheAuthorizationContinues() throws Exception {
        Member m = mfaRequiredMember("enrol");
        App app = register("name", "Strict Portal", "type", "confidential", "redirectUris", List.of(REDIRECT),
                "scopes", List.of("openid", "profile", "email"), "firstParty", true);
        Pkce pkce = Pkce.create();
        BrowserClient b = browser();
        HttpResponse<String> signIn = b.follow(b.get(authorizeUrl(app, REDIRECT, "openid email", "st", "nn", pkce)));
        HttpResponse<String> intro = b.submit(signIn, "/hosted/sign-in", Map.of("email", m.email(), "password", PASSWORD));
        assertThat(intro.statusCode()).isEqualTo(200);
        assertThat(intro.body()).contains("action=\"/hosted/sign-in/mfa/enroll\"").doesNotContain("id=\"totp-secret\"");
        assertThat(browserSessions(m.id())).as("no session before the second factor").isZero();
        assertThat(b.cookie("janua_session")).isNull();

        HttpResponse<String> setup = b.submit(intro, "/hosted/sign-in/mfa/enroll", Map.of());
        assertThat(setup.statusCode()).isEqualTo(200);
        String secret = secretOf(setup.body());
        assertThat(setup.body()).contains("src=\"data:image/png;base64,", "id=\"backup-codes\"");
        Matcher codes = Pattern.compile("<li><code>([^<]+)</code></li>").matcher(setup.body());
        List<String> backup = codes.results().map(r -> r.group(1)).toList();
        assertThat(backup).hasSize(10);

        // a wrong code: the same key again, with the error; still no session
        HttpResponse<String> wrong = b.submit(setup, "/hosted/sign-in/mfa", Map.of("code", "000000"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(secretOf(wrong.body())).isEqualTo(secret);
        assertThat(wrong.body()).contains("role=\"alert\"").doesNotContain("id=\"backup-codes\"");
        // the QR code too, of the stored key (the key the form sends back is display only)
        assertThat(qrOf(wrong.body())).isNotNull().isEqualTo(qrOf(setup.body()));
        HttpResponse<String> tampered = b.submit(setup, "/hosted/sign-in/mfa", Map.of("code", "000000", "enrolment_secret", "JBSWY3DPEHPK3PXP"));
        assertThat(secretOf(tampered.body())).isEqualTo(secret);
        assertThat(qrOf(tampered.body())).isEqualTo(qrOf(setup.body()));
        assertThat(browserSessions(m.id())).isZero();

        HttpResponse<String> done = b.submit(wrong, "/hosted/sign-in/mfa", Map.of("code", nextCode(secret)));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(location(done)).startsWith("/oauth2/authorize?");
        String callback = location(b.get(location(done)));
        assertThat(callback).startsWith(REDIRECT + "?code=");
        Map<String, String> q = query(callback);
        assertThat(q.get("state")).isEqualTo("st");
        HttpResponse<String> tokens = redeem(app, app.secret(), q.get("code"), REDIRECT, pkce.verifier());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        SignedJWT id = SignedJWT.parse(json(tokens).path("id_token").asString());
        assertThat(id.getJWTClaimsSet().getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
        Api.Response apiSignIn = passwordSignIn(m.email());
        assertThat(apiSignIn.json().at("/requiresMfa").asBoolean()).as("MFA is on for the API too").isTrue();
        assertThat(apiSignIn.json().at("/requiresMfaEnrollment").asBoolean(false)).isFalse();
        assertThat(events("mfa.enabled", m.id())).isEqualTo(1);

        // next time: the ordinary MFA step (no enrolment, no backup codes shown), where a backup code works
        BrowserClient again = browser();
        HttpResponse<String> mfa = submitPassword(again, "/hosted/sign-in", m.email(), PASSWORD);
        assertThat(mfa.body()).contains("action=\"/hosted/sign-in/mfa\"").doesNotContain("/hosted/sign-in/mfa/enroll")
                .doesNotContain("id=\"backup-codes\"");
        HttpResponse<String> viaBackup = again.post("/hosted/sign-in/mfa", withCsrf(mfa, Map.of("mfa_token", hidden(mfa, "mfa_token"),
                "method", "backup_code", "code", backup.getFirst())));
        assertThat(viaBackup.statusCode()).isEqualTo(303);
    }

    @Test
    void everyShortcutAroundTheEnrolmentIsRefused() {
        Member m = mfaRequiredMember("enrol-neg");
        BrowserClient b = browser();
        HttpResponse<String> intro = submitPassword(b, "/hosted/sign-in", m.email(), PASSWORD);
        String token = hidden(intro, "mfa_token");
        int refused = 0;

        // 1. a made-up enrolment token
        HttpResponse<String> madeUp = b.submit(intro, "/hosted/sign-in/mfa/enroll", Map.of("mfa_token", "tmp_madeup"));
        assertThat(madeUp.statusCode()).isEqualTo(401);
        assertThat(madeUp.body()).contains("action=\"/hosted/sign-in\"").doesNotContain("totp-secret");
        refused++;
        // 2. no CSRF token
        HttpResponse<String> noCsrf = browser().post("/hosted/sign-in/mfa/enroll", Map.of("mfa_token", token));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        refused++;
        // 3. the token of an ordinary sign-in challenge (someone with TOTP already) cannot start an enrolment
        Enrolled other = enrolledUser("enrol-other");
        HttpResponse<String> otherMfa = submitPassword(browser(), "/hosted/sign-in", other.email(), PASSWORD);
        HttpResponse<String> hijack = b.submit(intro, "/hosted/sign-in/mfa/enroll", Map.of("mfa_token", hidden(otherMfa, "mfa_token")));
        assertThat(hijack.statusCode()).isEqualTo(401);
        assertThat(hijack.body()).doesNotContain("totp-secret");
        refused++;
        // 4. a backup code instead of the new authenticator's code (the enrolment takes only that): 400 MFA_METHOD_UNAVAILABLE
        HttpResponse<String> setup = b.submit(intro, "/hosted/sign-in/mfa/enroll", Map.of());
        String secret = secretOf(setup.body());
        assertThat(b.submit(setup, "/hosted/sign-in/mfa", Map.of("method", "backup_code", "code", "abcd-efgh")).statusCode()).isEqualTo(400);
        refused++;
        // 5. a code computed from another key
        assertThat(b.submit(setup, "/hosted/sign-in/mfa", Map.of("code", code(other.secret()))).statusCode()).isEqualTo(401);
        refused++;
        // 6. the right code but without CSRF
        assertThat(browser().post("/hosted/sign-in/mfa", Map.of("mfa_token", token, "method", "totp", "code", code(secret))).statusCode())
                .isEqualTo(403);
        refused++;
        assertThat(browserSessions(m.id())).isZero();
        assertThat(refused).isEqualTo(6);

        HttpResponse<String> done = b.submit(setup, "/hosted/sign-in/mfa", Map.of("code", nextCode(secret)));
        assertThat(done.statusCode()).isEqualTo(303);
        // 7, 8. the spent enrolment token, replayed: neither a new set-up nor another session
        HttpResponse<String> replay = b.submit(intro, "/hosted/sign-in/mfa/enroll", Map.of());
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).doesNotContain("totp-secret");
        HttpResponse<String> replayCode = b.submit(setup, "/hosted/sign-in/mfa", Map.of("code", nextCode(secret)));
        assertThat(replayCode.statusCode()).isEqualTo(401);
        assertThat(browserSessions(m.id())).isEqualTo(1);
        System.out.printf("hosted MFA enrolment negative cases: %d, accepted 0%n", refused + 2);
    }

    private static String hidden(HttpResponse<String> page, String name) {
        Matcher x = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page.body());
        assertThat(x.find()).as(page.body()).isTrue();
        return x.group(1);
    }

    private static Map<String, String> withCsrf(HttpResponse<String> page, Map<String, String> fields) {
        Map<String, String> form = new java.util.LinkedHashMap<>(BrowserClient.hiddenFields(page.body(), "/hosted/sign-in/mfa"));
        form.putAll(fields);
        return form;
    }
}
