package dev.janua.server.admin.web;

import dev.janua.server.admin.app.ActivityQueries;
import dev.janua.server.admin.app.Analytics;
import dev.janua.server.admin.app.RequestRates;
import dev.janua.server.admin.domain.TimeBuckets;
import dev.janua.server.audit.AuditTrail;
import dev.janua.server.ops.HealthProbe;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.DateParams;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.webhooks.WebhookStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Platform-admin views of the system: health of each dependency, live metrics, sign-up/sign-in analytics. */
@JanuaApi
@Tag(name = "Admin")
public class AdminController {
    private final PlatformAdmins admins;
    private final HealthProbe probe;
    private final WebhookStatus webhooks;
    private final AuditTrail audit;
    private final ActivityQueries activity;
    private final RequestRates requests;
    private final Analytics analytics;
    private final Clock clock;

    public AdminController(PlatformAdmins admins, HealthProbe probe, WebhookStatus webhooks, AuditTrail audit,
                           ActivityQueries activity, RequestRates requests, Analytics analytics, Clock clock) {
        this.admins = admins;
        this.probe = probe;
        this.webhooks = webhooks;
        this.audit = audit;
        this.activity = activity;
        this.requests = requests;
        this.analytics = analytics;
        this.clock = clock;
    }

    @GetMapping("/admin/health")
    @Operation(summary = "Health of the database, Redis, webhook delivery and the audit appender, with response times")
    public ResponseEntity<Map<String, Object>> health(Caller caller) {
        admins.require(caller);
        Map<String, Object> report = probe.detailed();
        @SuppressWarnings("unchecked")
        Map<String, Object> checks = (Map<String, Object>) report.get("checks");
        Map<String, Long> byStatus = webhooks.deliveriesByStatus();
        long fanoutBacklog = webhooks.fanoutBacklog();
        checks.put("webhookDelivery", Map.of("status", fanoutBacklog > 10_000 ? "degraded" : "healthy",
                "pending", byStatus.getOrDefault("pending", 0L), "delivering", byStatus.getOrDefault("delivering", 0L),
                "deadLettered", byStatus.getOrDefault("failed", 0L), "eventsAwaitingFanout", fanoutBacklog));
        long auditBacklog = audit.backlog();
        checks.put("auditLog", Map.of("status", auditBacklog > 10_000 ? "degraded" : "healthy", "eventsAwaitingAppend", auditBacklog));
        Instant now = clock.instant();
        report.put("metrics", Map.of("requestsPerSecond", round(requests.perSecond()), "activeSessions", activity.activeSessions(now)));
        boolean unhealthy = "unhealthy".equals(report.get("status"));
        return ResponseEntity.status(unhealthy ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).body(report);
    }

    @GetMapping("/admin/metrics")
    @Operation(summary = "Active users, active sessions, request rates; with metric=…, a series over period by granularity")
    public Map<String, Object> metrics(@RequestParam(required = false) String metric, @RequestParam(defaultValue = "24h") String period,
                                       @RequestParam(defaultValue = "hour") String granularity, Caller caller) {
        admins.require(caller);
        Instant now = clock.instant();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timestamp", now.toString());
        out.put("users", Map.of("total", activity.totalUsers(), "active24h", activity.activeUsers(now.minus(Duration.ofHours(24))),
                "active7d", activity.activeUsers(now.minus(Duration.ofDays(7)))));
        out.put("activeUsers", activity.activeUsers(now.minus(Duration.ofHours(24))));
        out.put("activeSessions", activity.activeSessions(now));
        out.put("requests", Map.of("perSecond", round(requests.perSecond()), "total", requests.total()));
        if (metric != null && !metric.isBlank()) {
            Duration p = period(period);
            TimeBuckets buckets = buckets(granularity);
            try {
                out.put("series", Map.of("metric", metric, "period", period, "granularity", granularity,
                        "points", analytics.series(metric, now.minus(p), now, buckets)));
            } catch (IllegalArgumentException e) {
                throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "metric", "reason", e.getMessage()));
            }
        }
        return out;
    }

    @GetMapping("/admin/analytics")
    @Operation(summary = "Sign-ups, sign-ins and active users per day (or granularity) between startDate and endDate")
    public Map<String, Object> analytics(@RequestParam(required = false) String startDate, @RequestParam(required = false) String endDate,
                                         @RequestParam(defaultValue = "day") String granularity, Caller caller) {
        admins.require(caller);
        Instant[] range = range(startDate, endDate, clock);
        return analytics.system(range[0], range[1], buckets(granularity));
    }

    /** [from, to): by default the 30 days up to now; at most ten years. */
    static Instant[] range(String startDate, String endDate, Clock clock) {
        Instant to = endDate == null ? clock.instant() : DateParams.endExclusive(endDate, "endDate");
        Instant from = startDate == null ? to.minus(Duration.ofDays(30)) : DateParams.start(startDate, "startDate");
        if (!from.isBefore(to)) throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "endDate", "reason", "must be after startDate"));
        if (Duration.between(from, to).compareTo(Duration.ofDays(3660)) > 0) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "startDate", "reason", "range longer than 10 years"));
        }
        return new Instant[] {from, to};
    }

    static TimeBuckets buckets(String granularity) {
        try {
            return TimeBuckets.parse(granularity);
        } catch (IllegalArgumentException e) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "granularity", "reason", e.getMessage()));
        }
    }

    private static Duration period(String p) {
        try {
            String v = p.trim().toLowerCase();
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            Duration d = switch (v.charAt(v.length() - 1)) {
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                case 'w' -> Duration.ofDays(7 * n);
                default -> throw new DateTimeParseException("unit", v, v.length() - 1);
            };
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(366)) > 0) throw new DateTimeParseException("range", v, 0);
            return d;
        } catch (RuntimeException e) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "period", "reason", "like 24h, 7d or 4w, at most 366d"));
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
