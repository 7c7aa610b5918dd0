package dev.janua.server.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import dev.janua.server.support.TestMail;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Sign-up with verification, forgot/reset password, magic link and invitation pages over real HTTP,
 * each following the link GreenMail received; bad input gives a page with a message, never a 500.
 */
class HostedSelfServiceIntegrationTest extends HostedTestSupport {
    private static final Pattern VERIFY_LINK = Pattern.compile("(/hosted/verify-email\\?token=evt_[A-Za-z0-9_-]+)");
    private static final Pattern RESET_LINK = Pattern.compile("(/hosted/reset-password\\?token=prt_[A-Za-z0-9_-]+)");
    private static final Pattern MAGIC_LINK = Pattern.compile("(/hosted/magic-link\\?token=mlt_[A-Za-z0-9_-]+)");
    private static final Pattern INVITE_LINK = Pattern.compile("(/hosted/invitation\\?token=inv_[A-Za-z0-9_-]+)");

    @Test
    void signUpSignsInAndAsksToVerifyThenTheEmailedLinkVerifies() {
        String email = uniqueEmail("hs-signup");
        BrowserClient b = browser();
        HttpResponse<String> form = b.get("/hosted/sign-up");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"email\"").contains("<label for=\"password\"").doesNotContain("<script");
        HttpResponse<String> done = b.submit(form, "/hosted/sign-up",
                Map.of("first_name", "Ada", "last_name", "Lovelace", "email", email, "password", PASSWORD));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Check your inbox").contains(email);
        assertThat(b.cookie("janua_session")).as("signed in, as the API's sign-up does").isNotNull();
        String userId = jdbc.sql("SELECT id FROM users WHERE email = :e").param("e", email).query(String.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sessions WHERE user_id = :u AND revoked_at IS NULL").param("u", userId)
                .query(Long.class).single()).isEqualTo(1);

        String link = TestMail.awaitToken(email, "Verify", VERIFY_LINK);
        HttpResponse<String> verified = b.get(link);
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("Email verified");
        assertThat(verified.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(jdbc.sql("SELECT email_verified FROM users WHERE id = :u").param("u", userId).query(Boolean.class).single()).isTrue();

        HttpResponse<String> again = browser().get(link);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("role=\"alert\"").contains("Email not verified");
        assertThat(browser().get("/hosted/verify-email").statusCode()).isEqualTo(400);
    }

    @Test
    void signUpRefusalsAreShownOnTheFormInTheVisitorsLanguage() {
        String taken = uniqueEmail("hs-taken");
        signUp(taken);
        BrowserClient b = browser();
        HttpResponse<String> form = b.get("/hosted/sign-up");
        HttpResponse<String> weak = b.submit(form, "/hosted/sign-up", Map.of("email", uniqueEmail("hs-weak"), "password", "password1"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("role=\"alert\"").contains("too weak");
        HttpResponse<String> dup = b.submit(form, "/hosted/sign-up", Map.of("email", taken, "password", PASSWORD));
        assertThat(dup.statusCode()).isEqualTo(409);
        assertThat(dup.body()).contains("role=\"alert\"");
        HttpResponse<String> bad = b.submit(form, "/hosted/sign-up", Map.of("email", "not an email", "password", PASSWORD));
        assertThat(bad.statusCode()).isEqualTo(422);
        HttpResponse<String> empty = b.submit(form, "/hosted/sign-up", Map.of());
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(b.cookie("janua_session")).isNull();
        HttpResponse<String> german = browser().acceptLanguage("de").get("/hosted/sign-up");
        assertThat(german.body()).contains("Konto erstellen").contains("Vorname");
    }

    @Test
    void forgotThenResetFromTheEmailedLinkEndsSessionsAndTheTokenWorksOnce() {
        String email = uniqueEmail("hs-reset");
        Api.Response up = signUp(email);
        BrowserClient b = browser();
        HttpResponse<String> forgot = b.get("/hosted/forgot-password");
        HttpResponse<String> sent = b.submit(forgot, "/hosted/forgot-password", Map.of("email", email));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("If an account exists");
        // the same answer for an address with no account
        HttpResponse<String> unknown = b.submit(forgot, "/hosted/forgot-password", Map.of("email", uniqueEmail("hs-nobody")));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("If an account exists");
        assertThat(b.submit(forgot, "/hosted/forgot-password", Map.of("email", " ")).statusCode()).isEqualTo(422);

        String link = TestMail.awaitToken(email, "Reset", RESET_LINK);
        String token = link.substring(link.indexOf("token=") + 6);
        HttpResponse<String> page = b.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(BrowserClient.hiddenFields(page.body(), "/hosted/reset-password")).containsEntry("token", token);
        assertThat(page.body()).doesNotContain("action=\"/hosted/reset-password?");

        HttpResponse<String> mismatch = b.submit(page, "/hosted/reset-password",
                Map.of("new_password", "a brand new passphrase", "confirm_password", "another one"));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("not the same");
        HttpResponse<String> weak = b.submit(page, "/hosted/reset-password", Map.of("new_password", "password1", "confirm_password", "password1"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("too weak");
        HttpResponse<String> ok = b.submit(weak, "/hosted/reset-password",
                Map.of("new_password", "a brand new passphrase", "confirm_password", "a brand new passphrase"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("Password changed");
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(up))).status()).as("sessions ended").isEqualTo(401);
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", "a brand new passphrase")).status()).isEqualTo(200);

        HttpResponse<String> reused = b.submit(page, "/hosted/reset-password",
                Map.of("new_password", "yet another passphrase", "confirm_password", "yet another passphrase"));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("role=\"alert\"");
    }

    @Test
    void magicLinkLandingDoesNotSpendTheLinkAndTheButtonSignsIn() {
        String email = uniqueEmail("hs-magic");
        Api.Response up = signUp(email);
        BrowserClient b = browser();
        HttpResponse<String> form = b.get("/hosted/magic-link");
        HttpResponse<String> sent = b.submit(form, "/hosted/magic-link", Map.of("email", email));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Check your inbox");
        assertThat(b.submit(form, "/hosted/magic-link", Map.of("email", "nope")).statusCode()).isEqualTo(422);

        String link = TestMail.awaitToken(email, "sign-in link", MAGIC_LINK);
        // a mail scanner opening the link spends nothing
        assertThat(browser().get(link).statusCode()).isEqualTo(200);
        HttpResponse<String> landing = b.get(link);
        assertThat(landing.statusCode()).isEqualTo(200);
        HttpResponse<String> in = b.submit(landing, "/hosted/magic-link/sign-in", Map.of());
        assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
        assertThat(location(in)).isEqualTo("/hosted/account");
        assertThat(b.follow(in).body()).contains(email);
        assertThat(jdbc.sql("SELECT amr FROM browser_sessions WHERE user_id = :u").param("u", up.text("/user/id"))
                .query(String.class).single()).isEqualTo("email");

        BrowserClient late = browser();
        HttpResponse<String> reused = late.submit(late.get(link), "/hosted/magic-link/sign-in", Map.of());
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("role=\"alert\"");
    }

    @Test
    void invitationLinkSignsUpANewPersonOrLetsTheSignedInInviteeJoin() {
        Api.Response owner = signUp(uniqueEmail("hs-owner"));
        String[] auth = {"Authorization", Api.bearer(accessToken(owner))};
        Api.Response org = api.post("/api/v1/organizations", Api.map("name", "Hosted Invite Co"), auth);
        assertThat(org.status()).as(org.raw().body()).isEqualTo(201);
        String orgId = org.text("/id");

        // a new person: the page offers to create the account
        String newcomer = uniqueEmail("hs-newcomer");
        assertThat(api.post("/api/v1/organizations/" + orgId + "/invitations", Api.map("email", newcomer, "role", "member"), auth).status())
                .isEqualTo(201);
        String link = TestMail.awaitToken(newcomer, "Hosted Invite Co", INVITE_LINK);
        BrowserClient b = browser();
        HttpResponse<String> page = b.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Join Hosted Invite Co").contains(newcomer);
        HttpResponse<String> weak = b.submit(page, "/hosted/invitation/sign-up", Map.of("password", "password1"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("too weak");
        HttpResponse<String> joined = b.submit(page, "/hosted/invitation/sign-up", Map.of("first_name", "Ada", "password", PASSWORD));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(303);
        assertThat(b.cookie("janua_session")).isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM organization_members m JOIN users u ON u.id = m.user_id WHERE u.email = :e AND m.organization_id = :o")
                .param("e", newcomer).param("o", orgId).query(Long.class).single()).isEqualTo(1);
        assertThat(browser().get(link).statusCode()).as("spent").isEqualTo(409);

        // an existing account, signed in in the browser: one button
        String member = uniqueEmail("hs-member");
        signUp(member);
        api.post("/api/v1/organizations/" + orgId + "/invitations", Api.map("email", member, "role", "member"), auth);
        String link2 = TestMail.awaitToken(member, "Hosted Invite Co", INVITE_LINK);
        BrowserClient signedOut = browser();
        assertThat(signedOut.get(link2).body()).contains("Sign in to join");
        BrowserClient m = browser();
        submitPassword(m, "/hosted/sign-in", member, PASSWORD);
        HttpResponse<String> invite = m.get(link2);
        HttpResponse<String> accepted = m.submit(invite, "/hosted/invitation/accept", Map.of());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("You joined Hosted Invite Co");

        assertThat(browser().get("/hosted/invitation?token=inv_nonsense").statusCode()).isEqualTo(404);
    }

    @Test
    void everyNewFormRefusesAPostWithoutItsCsrfToken() {
        BrowserClient b = browser();
        b.get("/hosted/sign-up");
        int refused = 0;
        for (String action : List.of("/hosted/sign-up", "/hosted/forgot-password", "/hosted/reset-password", "/hosted/magic-link",
                "/hosted/magic-link/sign-in", "/hosted/verify-email/resend", "/hosted/invitation/accept", "/hosted/invitation/sign-up",
                "/hosted/sign-in/mfa/sms", "/hosted/account/profile", "/hosted/account/password", "/hosted/account/mfa/totp",
                "/hosted/account/mfa/totp/confirm", "/hosted/account/mfa/disable", "/hosted/account/devices/td_x/revoke")) {
            HttpResponse<String> r = b.post(action, Map.of("email", uniqueEmail("hs-csrf"), "password", PASSWORD, "token", "x"));
            assertThat(r.statusCode()).as(action).isEqualTo(403);
            assertThat(r.body()).as(action).contains("This form has expired");
            refused++;
        }
        assertThat(refused).isEqualTo(15);
        assertThat(b.cookie("janua_session")).isNull();
    }
}
