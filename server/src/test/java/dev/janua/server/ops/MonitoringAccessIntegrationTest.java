package dev.janua.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} and the detailed health answer loopback clients and platform admins; the dev
 * SMS outbox answers loopback clients only. The suite talks to the server over loopback; a request
 * relayed by a proxy (X-Forwarded-For, trusted in tests) stands for a client elsewhere.
 */
class MonitoringAccessIntegrationTest extends IntegrationTest {
    private static final List<String> MONITORING = List.of("/metrics", "/api/v1/health/detailed", "/v1/health/detailed");

    @Test
    void loopbackClientsReadMonitoringWithoutCredentials() {
        for (String path : MONITORING) assertThat(api.get(path).status()).as(path).isEqualTo(200);
        assertThat(api.get("/api/v1/dev/sms").status()).isEqualTo(200);
    }

    @Test
    void aClientElsewhereNeedsAPlatformAdminToken() {
        String user = Api.bearer(accessToken(signUp(uniqueEmail("monitor"))));
        String admin = Api.bearer(accessToken(api.post("/api/v1/auth/signin",
                Api.map("email", BOOTSTRAP_ADMIN_EMAIL, "password", BOOTSTRAP_ADMIN_PASSWORD))));
        for (String path : MONITORING) {
            Api.Response anonymous = api.get(path, "X-Forwarded-For", "203.0.113.41");
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.errorCode()).isEqualTo("UNAUTHORIZED");
            assertThat(anonymous.raw().body()).doesNotContain("jvm_").doesNotContain("database");

            Api.Response member = api.get(path, "X-Forwarded-For", "203.0.113.41", "Authorization", user);
            assertThat(member.status()).as(path).isEqualTo(403);
            assertThat(member.errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");

            assertThat(api.get(path, "X-Forwarded-For", "203.0.113.41", "Authorization", admin).status()).as(path).isEqualTo(200);
        }
        assertThat(api.get("/metrics", "X-Forwarded-For", "203.0.113.41", "Authorization", admin).raw().body())
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void aRelayedRequestIsNotLocalEvenWhenItNamesLoopback() {
        // a proxy on this machine relays everyone: its socket is loopback, the client is not
        for (String forwarded : List.of("127.0.0.1", "::1", "203.0.113.9, 127.0.0.1")) {
            assertThat(api.get("/metrics", "X-Forwarded-For", forwarded).status()).as(forwarded).isEqualTo(401);
        }
        assertThat(api.get("/metrics", "Forwarded", "for=203.0.113.9").status()).isEqualTo(401);
        assertThat(api.get("/metrics/", "X-Forwarded-For", "203.0.113.9").status()).isIn(401, 404);
    }

    @Test
    void theDevSmsOutboxRefusesClientsElsewhereEvenWithAToken() {
        String admin = Api.bearer(accessToken(api.post("/api/v1/auth/signin",
                Api.map("email", BOOTSTRAP_ADMIN_EMAIL, "password", BOOTSTRAP_ADMIN_PASSWORD))));
        for (String path : List.of("/api/v1/dev/sms", "/v1/dev/sms?to=%2B15550000000")) {
            Api.Response r = api.get(path, "X-Forwarded-For", "203.0.113.42", "Authorization", admin);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
            assertThat(r.text("/error/details/reason")).isEqualTo("loopback_only");
            assertThat(r.json().has("data")).isFalse();
        }
    }
}
