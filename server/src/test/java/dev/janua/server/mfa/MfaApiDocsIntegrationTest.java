package dev.janua.server.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI spec lists the MFA, magic-link and session endpoints with their summaries. */
class MfaApiDocsIntegrationTest extends IntegrationTest {
    @Test
    void openApiDescribesTheEndpointsOfThisArea() {
        Api.Response spec = api.get("/openapi.json");
        assertThat(spec.status()).isEqualTo(200);
        for (String path : new String[] {"/api/v1/auth/mfa/enable", "/api/v1/auth/mfa/verify",
                "/api/v1/mfa/disable", "/api/v1/mfa/backup-codes", "/api/v1/mfa/backup-codes/regenerate",
                "/api/v1/mfa/sms/setup", "/api/v1/mfa/trusted-devices/{id}", "/api/v1/auth/login/mfa",
                "/api/v1/auth/magic-link", "/api/v1/auth/magic-link/verify", "/api/v1/auth/magic-link/exchange",
                "/api/v1/sessions", "/api/v1/sessions/{id}", "/api/v1/sessions/current", "/api/v1/sessions/revoke-all",
                "/api/v1/dev/sms"}) {
            assertThat(spec.json().path("paths").has(path)).as(path).isTrue();
        }
        // the seeds' other names are aliases, named in the description of the one documented operation
        assertThat(spec.json().at("/paths/~1api~1v1~1auth~1mfa~1enable/post/description").asString())
                .contains("/api/v1/mfa/setup", "/api/v1/mfa/totp/setup");
        assertThat(spec.json().at("/paths/~1api~1v1~1sessions/get/description").asString()).contains("/api/v1/users/me/sessions");
        assertThat(spec.json().at("/paths/~1api~1v1~1auth~1login~1mfa/post/summary").asString()).contains("second factor");
        assertThat(spec.json().at("/paths/~1api~1v1~1auth~1magic-link~1verify/get/summary").asString()).contains("no tokens in the URL");
    }
}
