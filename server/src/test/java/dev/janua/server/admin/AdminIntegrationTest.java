package dev.janua.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.sessions.app.SessionService;
import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Admin health, metrics and analytics, per-user analytics, and the session.expired sweep. */
class AdminIntegrationTest extends IntegrationTest {
    @Autowired
    SessionService sessions;

    private String admin() {
        Api.Response r = signUp(uniqueEmail("ops-admin"));
        jdbc.sql("UPDATE users SET is_admin = TRUE WHERE id = :id").param("id", r.text("/user/id")).update();
        return accessToken(r);
    }

    @Test
    void adminHealthReportsEachDependencyWithResponseTimes() {
        String admin = admin();
        Api.Response h = api.get("/api/v1/admin/health", "Authorization", Api.bearer(admin));
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.text("/status")).isEqualTo("healthy");
        assertThat(h.text("/checks/database/status")).isEqualTo("healthy");
        assertThat(h.json().at("/checks/database/responseTime").isNumber()).isTrue();
        assertThat(h.text("/checks/redis/status")).isEqualTo("not_configured");
        assertThat(h.json().at("/checks/webhookDelivery/pending").isNumber()).isTrue();
        assertThat(h.json().at("/checks/auditLog/eventsAwaitingAppend").isNumber()).isTrue();
        assertThat(h.json().at("/metrics/activeSessions").asLong()).isPositive();
        Api.Response detailed = api.get("/api/v1/health/detailed");
        assertThat(detailed.text("/checks/redis/status")).isEqualTo("not_configured");

        String user = accessToken(signUp(uniqueEmail("ops-user")));
        assertThat(api.get("/api/v1/admin/health", "Authorization", Api.bearer(user)).errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(api.get("/api/v1/admin/metrics", "Authorization", Api.bearer(user)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/analytics").status()).isEqualTo(401);
    }

    @Test
    void metricsCountActiveUsersSessionsAndRequestsWithSeries() {
        String admin = admin();
        Api.Response m = api.get("/v1/admin/metrics?metric=signins&period=24h&granularity=hour", "Authorization", Api.bearer(admin));
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.json().path("activeUsers").asLong()).isPositive();
        assertThat(m.json().path("activeSessions").asLong()).isPositive();
        assertThat(m.json().at("/requests/total").asLong()).isPositive();
        JsonNode points = m.json().at("/series/points");
        assertThat(points.size()).isBetween(24, 25);
        long signins = 0;
        for (JsonNode p : points) signins += p.path("value").asLong();
        assertThat(signins).isPositive();
        assertThat(api.get("/api/v1/admin/metrics?metric=bogus", "Authorization", Api.bearer(admin)).errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.get("/api/v1/admin/metrics?metric=signups&period=forever", "Authorization", Api.bearer(admin)).status()).isEqualTo(422);
    }

    @Test
    void analyticsCountSignUpsSignInsAndActiveUsersPerDay() {
        String admin = admin();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Api.Response before = api.get("/api/v1/admin/analytics?startDate=" + today + "&endDate=" + today, "Authorization", Api.bearer(admin));
        Api.Response u = signUp(uniqueEmail("ops-new"));
        api.post("/api/v1/auth/signin", Api.map("email", u.text("/user/email"), "password", PASSWORD));
        Api.Response after = api.get("/api/v1/admin/analytics?startDate=" + today + "&endDate=" + today, "Authorization", Api.bearer(admin));
        assertThat(after.json().path("timeline")).hasSize(1);
        assertThat(after.json().at("/timeline/0/date").asString()).isEqualTo(today);
        assertThat(after.json().at("/timeline/0/signUps").asLong() - before.json().at("/timeline/0/signUps").asLong()).isEqualTo(1);
        assertThat(after.json().at("/timeline/0/signIns").asLong() - before.json().at("/timeline/0/signIns").asLong()).isEqualTo(2);
        assertThat(after.json().at("/totals/activeUsers").asLong()).isGreaterThan(before.json().at("/totals/activeUsers").asLong());
        assertThat(api.get("/api/v1/admin/analytics?startDate=2024-02-01&endDate=2024-01-01", "Authorization", Api.bearer(admin)).status())
                .isEqualTo(422);
    }

    @Test
    void userAnalyticsForSelfOrAdminOnly() {
        Api.Response u = signUp(uniqueEmail("ops-self"));
        String id = u.text("/user/id");
        api.post("/api/v1/auth/signin", Api.map("email", u.text("/user/email"), "password", PASSWORD),
                "User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36");
        Api.Response mine = api.get("/api/v1/analytics/users/" + id + "?granularity=day", "Authorization", Api.bearer(accessToken(u)));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.text("/user/id")).isEqualTo(id);
        assertThat(mine.json().at("/metrics/totalSessions").asInt()).isEqualTo(2);
        assertThat(mine.json().at("/metrics/totalSignIns").asInt()).isEqualTo(2);
        assertThat(mine.json().at("/metrics/devicesUsed").toString()).contains("Chrome/Windows").contains("Java");
        assertThat(mine.json().at("/metrics/ipAddresses").toString()).contains("127.0.0.1");
        JsonNode last = mine.json().path("timeline").get(mine.json().path("timeline").size() - 1);
        assertThat(last.path("signIns").asInt()).isEqualTo(2);
        assertThat(mine.json().path("timeline").size()).isBetween(30, 31);

        String other = accessToken(signUp(uniqueEmail("ops-other")));
        assertThat(api.get("/api/v1/analytics/users/" + id, "Authorization", Api.bearer(other)).errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(api.get("/api/v1/analytics/users/" + id, "Authorization", Api.bearer(admin())).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/analytics/users/usr_missing", "Authorization", Api.bearer(admin())).errorCode()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void openApiDocumentsTheEventBackboneEndpoints() {
        JsonNode paths = api.get("/openapi.json").json().path("paths");
        for (String p : new String[] {"/api/v1/webhooks", "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", "/api/v1/audit-logs",
                "/api/v1/audit/events", "/api/v1/admin/audit-logs/verify", "/api/v1/admin/health", "/api/v1/admin/metrics",
                "/api/v1/admin/analytics", "/api/v1/analytics/users/{userId}"}) {
            assertThat(paths.has(p)).as(p).isTrue();
        }
    }

    @Test
    void timedOutSessionsBecomeSessionExpiredEventsOnce() {
        Api.Response u = signUp(uniqueEmail("ops-expire"));
        String sessionId = u.text("/session/id");
        Api.Response remembered = api.post("/api/v1/auth/signin", Api.map("email", u.text("/user/email"), "password", PASSWORD,
                "rememberMe", true));
        clock.advance(Duration.ofHours(2)); // past the idle window (30 min, at least the 1 h token lifetime)
        try {
            sessions.expireStale(10_000);
            sessions.expireStale(10_000);
        } finally {
            clock.reset();
        }
        assertThat(jdbc.sql("SELECT data FROM domain_events WHERE type = 'session.expired' AND subject_id = :s").param("s", sessionId)
                .query(String.class).list()).singleElement().asString().contains("idle_timeout");
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(accessToken(u))).errorCode()).isEqualTo("SESSION_EXPIRED");
        // a remember-me session is not idle-expired (its idle window is its 30-day lifetime)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM domain_events WHERE type = 'session.expired' AND subject_id = :s")
                .param("s", remembered.text("/session/id")).query(Long.class).single()).isZero();
    }
}
