package dev.janua.server.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.mfa.MfaTestSupport;
import dev.janua.server.support.Api;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Helpers of the passkey tests: a signed-up user with a software authenticator, and the two ceremonies over HTTP. */
public abstract class PasskeyTestSupport extends MfaTestSupport {

    /** A user signed up with a password, their access token, and an authenticator speaking for this server's origin. */
    public record Person(String email, String userId, String access, SoftAuthenticator authenticator) {}

    protected String origin() {
        return "http://localhost:" + port;
    }

    protected Person person(String tag) {
        String email = uniqueEmail(tag);
        Api.Response up = signUp(email);
        return new Person(email, up.text("/user/id"), accessToken(up), new SoftAuthenticator(origin()));
    }

    /** A user with an authenticator app (MFA on) and an access token from a completed MFA sign-in. */
    protected record TotpPerson(Person person, Enrolled enrolled) {}

    protected TotpPerson personWithTotp(String tag) {
        Enrolled e = enrolledUser(tag);
        Api.Response signedIn = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(e.email()), "code", nextCode(e.secret())));
        return new TotpPerson(new Person(e.email(), e.userId(), accessToken(signedIn), new SoftAuthenticator(origin())), e);
    }

    protected JsonNode registrationOptions(Person p) {
        Api.Response r = api.post("/api/v1/passkeys/register/options", Map.of(), "Authorization", Api.bearer(p.access()));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.json();
    }

    /** Registers one passkey through the canonical paths; returns the registration answer. */
    protected Api.Response register(Person p) {
        Api.Response r = api.post("/api/v1/passkeys/register", p.authenticator().create(registrationOptions(p)),
                "Authorization", Api.bearer(p.access()));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r;
    }

    protected JsonNode signInOptions(String email) {
        Api.Response r = api.post("/api/v1/passkeys/authenticate/options", email == null ? Map.of() : Map.of("email", email));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.json();
    }

    protected Api.Response signInWith(Map<String, Object> assertion) {
        return api.post("/api/v1/passkeys/authenticate", assertion);
    }

    /** Asserts a refusal: the status, the stable code, and never a 500. */
    protected static void refused(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
        assertThat(r.errorCode()).as(r.raw().body()).isEqualTo(code);
    }

    protected List<String> eventTypes(String userId) {
        return jdbc.sql("SELECT type FROM domain_events WHERE subject_id = :u ORDER BY seq").param("u", userId).query(String.class).list();
    }
}
