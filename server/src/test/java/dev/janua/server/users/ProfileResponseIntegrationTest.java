package dev.janua.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.TenantFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /auth/me} answers with the JSON it keeps per unchanged user (users/web/ProfileBodies) exactly as it
 * answered when it serialised the view per request: same negotiation with {@code Accept}, same headers, and every
 * change to the user in the very next answer (the profile and admin changes: AuthCacheIntegrationTest).
 */
class ProfileResponseIntegrationTest extends TenantFixtures {

    @Test
    void theKeptJsonIsLabelledAndNegotiatedAsTheViewWas() {
        Account a = newUser("me-body");
        for (int i = 0; i < 2; i++) { // the first answer serialises, the second reuses
            Api.Response me = api.get("/api/v1/auth/me", a.auth("Accept", "application/json"));
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.header("Content-Type")).isEqualTo("application/json");
            assertThat(me.header("Content-Length")).isEqualTo(String.valueOf(me.raw().body().getBytes(StandardCharsets.UTF_8).length));
            assertThat(me.text("/id")).isEqualTo(a.id());
            assertThat(me.text("/email")).isEqualTo(a.email());
        }
        assertThat(api.get("/api/v1/users/me", a.auth("Accept", "application/*")).header("Content-Type")).isEqualTo("application/json");
        assertThat(api.get("/api/v1/auth/me", a.auth("Accept", "application/problem+json")).header("Content-Type"))
                .isEqualTo("application/problem+json");
        assertThat(api.get("/api/v1/auth/me", a.auth("Accept", "application/xml")).errorCode()).isEqualTo("NOT_ACCEPTABLE");
        assertThat(api.get("/api/v1/auth/me", a.auth("Accept", "text/plain")).status()).isEqualTo(406);
        assertThat(api.get("/api/v1/auth/me", "Accept", "application/xml").errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aNewSignInShowsInTheNextMe() {
        Account a = newUser("me-signin");
        String before = api.get("/api/v1/auth/me", a.auth()).text("/lastSignInAt");
        api.get("/api/v1/auth/me", a.auth());
        signIn(a);
        assertThat(api.get("/api/v1/auth/me", a.auth()).text("/lastSignInAt")).isNotEqualTo(before);
    }
}
