package dev.janua.server.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.BrowserClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hosted pages' passkey forms without a browser's script: what the page's script posts (the
 * assertion or attestation JSON in a form field, the CSRF token beside it) is posted here directly,
 * made by the software authenticator. The Chromium test covers the script itself.
 */
class HostedPasskeyIntegrationTest extends PasskeyTestSupport {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BrowserClient browser() {
        return new BrowserClient(origin());
    }

    @Test
    void theSignInFormTakesAnAssertionAndARefusedOneShowsThePageWithTheReason() {
        Person p = person("hosted-pk");
        register(p);
        BrowserClient b = browser();
        HttpResponse<String> page = b.get("/hosted/sign-in");
        assertThat(page.body()).contains("id=\"passkey-sign-in\"").contains("autocomplete=\"username webauthn\"")
                .contains("src=\"/hosted/assets/passkeys.js\"");
        String assertion = JSON.writeValueAsString(p.authenticator().get(signInOptions(null)));
        HttpResponse<String> r = b.submit(page, "/hosted/sign-in/passkey", Map.of("credential", assertion));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/hosted/account");
        assertThat(jdbc.sql("SELECT amr FROM browser_sessions WHERE user_id = :u").param("u", p.userId()).query(String.class).single())
                .isEqualTo("hwk user mfa");

        BrowserClient other = browser();
        HttpResponse<String> replay = other.submit(other.get("/hosted/sign-in"), "/hosted/sign-in/passkey", Map.of("credential", assertion));
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("role=\"alert\"").contains("expired or was already used");
        assertThat(other.cookie("janua_session")).isNull();
    }

    @Test
    void theMfaPageOffersAPasskeyAfterThePassword() {
        TotpPerson t = personWithTotp("hosted-pk-mfa");
        Enrolled e = t.enrolled();
        Person p = t.person();
        register(p);
        BrowserClient b = browser();
        HttpResponse<String> mfaPage = b.submit(b.get("/hosted/sign-in"), "/hosted/sign-in", Map.of("email", e.email(), "password", PASSWORD));
        assertThat(mfaPage.statusCode()).isEqualTo(200);
        assertThat(mfaPage.body()).contains("id=\"passkey-mfa\"").contains("Use a passkey instead");
        Map<String, String> form = BrowserClient.hiddenFields(mfaPage.body(), "/hosted/sign-in/mfa");
        JsonNode options = api.post("/api/v1/passkeys/authenticate/options", Map.of("mfaToken", form.get("mfa_token"))).json();
        form.put("method", "passkey");
        form.put("code", JSON.writeValueAsString(p.authenticator().get(options)));
        HttpResponse<String> r = b.post("/hosted/sign-in/mfa", form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT amr FROM browser_sessions WHERE user_id = :u").param("u", p.userId()).query(String.class).single())
                .isEqualTo("pwd hwk mfa");
    }

    @Test
    void theAccountPageAddsRenamesAndRemovesPasskeys() {
        Person p = person("hosted-pk-account");
        BrowserClient b = browser();
        assertThat(b.submit(b.get("/hosted/sign-in"), "/hosted/sign-in", Map.of("email", p.email(), "password", PASSWORD)).statusCode())
                .isEqualTo(303);
        HttpResponse<String> account = b.get("/hosted/account");
        assertThat(account.body()).contains("No passkeys yet").contains("Add a passkey");
        String csrf = BrowserClient.hiddenFields(account.body(), "/hosted/account/passkeys").get("_csrf");
        HttpResponse<String> options = fetchOptions(b, csrf);
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        String created = JSON.writeValueAsString(p.authenticator().create(JSON.readTree(options.body())));
        HttpResponse<String> added = b.submit(account, "/hosted/account/passkeys", Map.of("credential", created, "name", "Form key"));
        assertThat(added.headers().firstValue("Location")).hasValue("/hosted/account?done=passkey_added");
        account = b.get("/hosted/account?done=passkey_added");
        assertThat(account.body()).contains("Your passkey is added.").contains("Form key");

        String id = jdbc.sql("SELECT id FROM passkeys WHERE user_id = :u").param("u", p.userId()).query(String.class).single();
        HttpResponse<String> renamed = b.submit(account, "/hosted/account/passkeys/" + id + "/rename", Map.of("name", "Desk key"));
        assertThat(renamed.headers().firstValue("Location")).hasValue("/hosted/account?done=passkey_renamed");
        account = b.get("/hosted/account");
        assertThat(account.body()).contains("Desk key");
        HttpResponse<String> removed = b.submit(account, "/hosted/account/passkeys/" + id + "/remove", Map.of());
        assertThat(removed.headers().firstValue("Location")).hasValue("/hosted/account?done=passkey_removed");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM passkeys WHERE user_id = :u").param("u", p.userId()).query(Long.class).single()).isZero();

        // signed out, the actions send the visitor to sign in
        BrowserClient stranger = browser();
        HttpResponse<String> signIn = stranger.get("/hosted/sign-in");
        String strangerCsrf = BrowserClient.hiddenFields(signIn.body(), "/hosted/sign-in").get("_csrf");
        assertThat(fetchOptions(stranger, strangerCsrf).statusCode()).isEqualTo(401);
    }

    /** As the page's script fetches them: the browser's cookies, the form's CSRF token, any content type accepted. */
    private HttpResponse<String> fetchOptions(BrowserClient b, String csrf) {
        String cookies = "janua_csrf=" + b.cookie("janua_csrf") + (b.cookie("janua_session") == null ? "" : "; janua_session=" + b.cookie("janua_session"));
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(origin()
                            + "/hosted/account/passkeys/options")).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "*/*").header("Cookie", cookies)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
