package dev.janua.server.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Passkeys over real HTTP with a software ES256 authenticator: registration and sign-in (with an
 * email and usernameless) at every seed path, the MFA rules, the owner's list, events.
 */
class PasskeyApiIntegrationTest extends PasskeyTestSupport {

    /** How each seed begins and finishes registration: options (method, path), then the path that verifies. */
    private record Route(String optionsMethod, String optionsPath, String verifyPath) {}

    private static final List<Route> REGISTRATION = List.of(
            new Route("POST", "/api/v1/passkeys/register/options", "/api/v1/passkeys/register"),          // seed 001
            new Route("POST", "/api/v1/auth/passkeys/register/begin", "/api/v1/auth/passkeys/register/complete"), // seed 002
            new Route("GET", "/api/v1/passkeys/register/options", "/api/v1/passkeys/register/verify"),    // seed 004
            new Route("POST", "/v1/auth/passkeys/register", "/v1/auth/passkeys/register"));               // seed 000

    private static final List<Route> AUTHENTICATION = List.of(
            new Route("POST", "/api/v1/passkeys/authenticate/options", "/api/v1/passkeys/authenticate"),
            new Route("POST", "/api/v1/auth/passkeys/authenticate/begin", "/api/v1/auth/passkeys/authenticate/complete"),
            new Route("GET", "/api/v1/passkeys/authenticate/options", "/api/v1/passkeys/authenticate/verify"),
            new Route("POST", "/v1/auth/passkeys/authenticate", "/v1/auth/passkeys/authenticate"));

    @Test
    void registersAndSignsInWithAndWithoutEmailAtEverySeedPath() {
        for (Route reg : REGISTRATION) {
            Person p = person("pk-seed");
            Api.Response options = reg.optionsMethod().equals("GET")
                    ? api.get(reg.optionsPath(), "Authorization", Api.bearer(p.access()))
                    : api.post(reg.optionsPath(), Api.map("displayName", "Test User"), "Authorization", Api.bearer(p.access()));
            assertThat(options.status()).as(reg + " " + options.raw().body()).isEqualTo(200);
            JsonNode o = options.json();
            assertThat(o.path("rp").path("id").asString()).isEqualTo("localhost");
            assertThat(o.path("user").path("name").asString()).isEqualTo(p.email());
            assertThat(o.path("authenticatorSelection").path("residentKey").asString()).isEqualTo("preferred");
            assertThat(o.path("attestation").asString()).isEqualTo("none");
            assertThat(o.path("pubKeyCredParams").get(0).path("alg").asLong()).isEqualTo(-7);
            // seed 002 sends the bare credential; the others wrap it
            Map<String, Object> created = p.authenticator().create(o);
            Object body = reg.verifyPath().contains("complete") ? created : Api.map("credential", created, "name", "Laptop");
            Api.Response done = api.post(reg.verifyPath(), body, "Authorization", Api.bearer(p.access()));
            assertThat(done.status()).as(reg + " " + done.raw().body()).isEqualTo(201);
            assertThat(done.json().path("verified").asBoolean()).isTrue();
            assertThat(done.text("/id")).startsWith("pk_");
            assertThat(done.text("/credentialId")).isEqualTo(created.get("id"));

            for (Route auth : AUTHENTICATION) {
                for (String email : new String[] {p.email(), null}) {
                    JsonNode request = authOptions(auth, email);
                    if (email == null) assertThat(request.has("allowCredentials")).isFalse();
                    else assertThat(request.path("allowCredentials").get(0).path("id").asString()).isEqualTo(created.get("id"));
                    Api.Response signedIn = api.post(auth.verifyPath(), p.authenticator().get(request));
                    assertThat(signedIn.status()).as(auth + " " + signedIn.raw().body()).isEqualTo(200);
                    assertThat(signedIn.text("/user/id")).isEqualTo(p.userId());
                    assertThat(signedIn.json().path("requiresMfa").asBoolean()).isFalse();
                    assertThat(signedIn.text("/amr/2")).isEqualTo("mfa");
                    Api.Response me = api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(signedIn)));
                    assertThat(me.status()).isEqualTo(200);
                    assertThat(me.text("/id")).isEqualTo(p.userId());
                }
            }
            Api.Response list = api.get("/api/v1/passkeys", "Authorization", Api.bearer(p.access()));
            assertThat(list.json().path("data")).hasSize(1);
            assertThat(list.json().path("data").get(0).path("lastUsedAt").isNull()).isFalse();
        }
    }

    private JsonNode authOptions(Route route, String email) {
        Api.Response r;
        if (route.optionsMethod().equals("GET")) {
            r = api.get(route.optionsPath() + (email == null ? "" : "?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)));
        } else {
            r = api.post(route.optionsPath(), email == null ? Map.of() : Map.of("email", email));
        }
        assertThat(r.status()).as(route + " " + r.raw().body()).isEqualTo(200);
        assertThat(r.text("/rpId")).isEqualTo("localhost");
        return r.json();
    }

    @Test
    void aUserVerifiedPasskeySatisfiesMfaButOneWithoutVerificationMeetsTheSecondStep() {
        TotpPerson t = personWithTotp("pk-mfa");
        Enrolled e = t.enrolled();
        Person p = t.person();
        register(p);

        Api.Response verified = signInWith(p.authenticator().get(signInOptions(null)));
        assertThat(verified.json().path("requiresMfa").asBoolean()).as(verified.raw().body()).isFalse();
        assertThat(verified.json().path("amr").toString()).isEqualTo("[\"hwk\",\"user\",\"mfa\"]");

        p.authenticator().flags = SoftAuthenticator.UP | SoftAuthenticator.BE | SoftAuthenticator.BS;
        Api.Response presentOnly = signInWith(p.authenticator().get(signInOptions(p.email())));
        assertThat(presentOnly.status()).as(presentOnly.raw().body()).isEqualTo(200);
        assertThat(presentOnly.json().path("requiresMfa").asBoolean()).isTrue();
        assertThat(presentOnly.json().path("tokens").isMissingNode()).isTrue();
        Api.Response second = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", presentOnly.text("/mfaToken"), "code", nextCode(e.secret())));
        assertThat(second.status()).as(second.raw().body()).isEqualTo(200);
    }

    @Test
    void aPasskeyAnswersTheMfaStepAfterAPassword() {
        TotpPerson t = personWithTotp("pk-2fa");
        Enrolled e = t.enrolled();
        Person p = t.person();
        register(p);
        // no user verification: presence is enough for a second factor
        p.authenticator().flags = SoftAuthenticator.UP | SoftAuthenticator.BE | SoftAuthenticator.BS;

        // through the MFA endpoint, with the assertion in credential
        Api.Response first = passwordSignIn(e.email());
        assertThat(first.json().path("methods").toString()).contains("passkey");
        String token = first.text("/mfaToken");
        JsonNode options = api.post("/api/v1/passkeys/authenticate/options", Map.of("mfaToken", token)).json();
        Api.Response done = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", token, "method", "passkey",
                "credential", p.authenticator().get(options)));
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        assertThat(accessToken(done)).isNotBlank();

        // through the passkey endpoint, with the mfaToken beside the credential
        String token2 = passwordSignIn(e.email()).text("/mfaToken");
        JsonNode options2 = api.get("/api/v1/passkeys/authenticate/options?mfaToken=" + token2).json();
        Api.Response done2 = api.post("/api/v1/passkeys/authenticate/verify", Api.map("mfaToken", token2,
                "credential", p.authenticator().get(options2)));
        assertThat(done2.status()).as(done2.raw().body()).isEqualTo(200);
        assertThat(accessToken(done2)).isNotBlank();

        // an assertion made for another MFA challenge does not answer this one
        String token3 = passwordSignIn(e.email()).text("/mfaToken");
        String token4 = passwordSignIn(e.email()).text("/mfaToken");
        JsonNode forToken3 = api.post("/api/v1/passkeys/authenticate/options", Map.of("mfaToken", token3)).json();
        Api.Response wrong = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", token4, "method", "passkey",
                "credential", p.authenticator().get(forToken3)));
        refused(wrong, 401, "INVALID_MFA_CODE");
    }

    @Test
    void aPasskeySatisfiesAPolicyThatRequiresMfa() {
        Person p = person("pk-policy");
        register(p);
        dev.janua.server.mfa.TestMfaRequirement.require(p.userId());
        // after a password, the passkey is the second step (no enrolment of an authenticator app is forced)
        Api.Response first = passwordSignIn(p.email());
        assertThat(first.json().path("requiresMfa").asBoolean()).isTrue();
        assertThat(first.json().has("requiresMfaEnrollment")).isFalse();
        assertThat(first.json().path("methods").toString()).isEqualTo("[\"passkey\"]");
        String token = first.text("/mfaToken");
        JsonNode options = api.post("/api/v1/passkeys/authenticate/options", Map.of("mfaToken", token)).json();
        Api.Response done = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", token, "method", "passkey",
                "credential", p.authenticator().get(options)));
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        // and a user-verified passkey alone is a full sign-in under the policy
        Api.Response alone = signInWith(p.authenticator().get(signInOptions(null)));
        assertThat(alone.json().path("requiresMfa").asBoolean()).as(alone.raw().body()).isFalse();
    }

    @Test
    void listsRenamesAndRemovesButKeepsTheLastPasskeyOfAnAccountWithoutPassword() {
        Person p = person("pk-manage");
        String first = register(p).text("/id");
        String second = register(p).text("/id");
        Api.Response renamed = api.patch("/api/v1/passkeys/" + first, Api.map("name", "Work laptop"), "Authorization", Api.bearer(p.access()));
        assertThat(renamed.status()).as(renamed.raw().body()).isEqualTo(200);
        assertThat(renamed.text("/name")).isEqualTo("Work laptop");
        Api.Response list = api.get("/api/v1/passkeys", "Authorization", Api.bearer(p.access()));
        List<String> names = new ArrayList<>();
        list.json().path("data").forEach(n -> names.add(n.path("name").asString()));
        assertThat(names).containsExactly("Work laptop", "Passkey");
        assertThat(list.json().path("data").get(0).path("deviceType").asString()).isEqualTo("multi_device");

        // the second passkey registered to this person cannot be renamed or removed by someone else
        Person other = person("pk-other");
        refused(api.delete("/api/v1/passkeys/" + second, null, "Authorization", Api.bearer(other.access())), 404, "PASSKEY_NOT_FOUND");
        refused(api.patch("/api/v1/passkeys/" + second, Api.map("name", "x"), "Authorization", Api.bearer(other.access())), 404, "PASSKEY_NOT_FOUND");

        // without a password, the last passkey is the only way in and stays
        jdbc.sql("UPDATE users SET password_hash = NULL WHERE id = :id").param("id", p.userId()).update();
        assertThat(api.delete("/api/v1/passkeys/" + second, null, "Authorization", Api.bearer(p.access())).status()).isEqualTo(200);
        refused(api.delete("/api/v1/passkeys/" + first, null, "Authorization", Api.bearer(p.access())), 409, "PASSKEY_LAST_CREDENTIAL");
        assertThat(api.get("/api/v1/passkeys", "Authorization", Api.bearer(p.access())).json().path("data")).hasSize(1);

        assertThat(eventTypes(p.userId())).contains("passkey.created", "passkey.updated", "passkey.deleted");
        assertThat(eventTypes(p.userId()).stream().filter("passkey.deleted"::equals).count()).isEqualTo(1);
    }

    @Test
    void signInPublishesPasskeyUsedAndTheEmailOfNoAccountGetsADecoy() {
        Person p = person("pk-events");
        register(p);
        assertThat(signInWith(p.authenticator().get(signInOptions(p.email()))).status()).isEqualTo(200);
        assertThat(eventTypes(p.userId())).contains("passkey.created", "passkey.used", "user.signin");

        JsonNode unknown1 = signInOptions(uniqueEmail("nobody").replace("nobody", "nobody-fixed"));
        assertThat(unknown1.path("allowCredentials")).hasSize(1);
        String email = uniqueEmail("nobody");
        assertThat(signInOptions(email).path("allowCredentials").get(0).path("id").asString())
                .isEqualTo(signInOptions(email).path("allowCredentials").get(0).path("id").asString());
    }

    @Test
    void webhooksSubscribedByTheSeedNameReceivePasskeyEvents() throws InterruptedException {
        String admin = accessToken(api.post("/api/v1/auth/signin", Api.map("email", BOOTSTRAP_ADMIN_EMAIL, "password", BOOTSTRAP_ADMIN_PASSWORD)));
        Api.Response hook = api.post("/api/v1/webhooks", Api.map("url", "http://127.0.0.1:9/passkey-hook",
                "events", List.of("auth.passkey_registered", "passkey.used", "passkey.removed")), "Authorization", Api.bearer(admin));
        assertThat(hook.status()).as(hook.raw().body()).isEqualTo(201);
        String endpoint = hook.text("/id");
        try {
            Person p = person("pk-hook");
            String id = register(p).text("/id");
            assertThat(signInWith(p.authenticator().get(signInOptions(null))).status()).isEqualTo(200);
            register(p);
            assertThat(api.delete("/api/v1/passkeys/" + id, null, "Authorization", Api.bearer(p.access())).status()).isEqualTo(200);
            List<String> types = List.of();
            for (int i = 0; i < 100 && types.size() < 4; i++) {
                types = jdbc.sql("SELECT event_type FROM webhook_deliveries WHERE endpoint_id = :e AND payload LIKE :u ORDER BY event_seq")
                        .param("e", endpoint).param("u", "%" + p.userId() + "%").query(String.class).list();
                if (types.size() < 4) Thread.sleep(200);
            }
            assertThat(types).containsExactly("passkey.created", "passkey.used", "passkey.created", "passkey.deleted");
        } finally {
            api.delete("/api/v1/webhooks/" + endpoint, null, "Authorization", Api.bearer(admin));
        }
    }

    @Test
    void challengesLiveInTheDatabaseAsHashes() {
        Person p = person("pk-db");
        JsonNode options = registrationOptions(p);
        long rows = jdbc.sql("SELECT COUNT(*) FROM passkey_challenges WHERE challenge_hash = :h")
                .param("h", dev.janua.server.platform.crypto.Hashes.sha256Hex(options.path("challenge").asString())).query(Long.class).single();
        assertThat(rows).isEqualTo(1);
        assertThat(SoftAuthenticator.b64(new byte[32]).length()).isEqualTo(options.path("challenge").asString().length());
    }
}
