package dev.janua.server.ops.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import dev.janua.server.ops.HealthProbe;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /health}: the process answers (liveness). {@code /ready}: the database answers and every
 * migration is applied (readiness). {@code /api/v1/health/detailed}: each dependency with its timing.
 */
@Tag(name = "Operations", description = "Liveness, readiness and detailed health")
@RestController
public class HealthController {
    private final HealthProbe probe;

    public HealthController(HealthProbe probe) {
        this.probe = probe;
    }

    @GetMapping("/health")
    public Map<String, Object> health() {
        return Map.of("status", "healthy", "version", probe.version(), "timestamp", probe.now().toString());
    }

    @GetMapping("/ready")
    public ResponseEntity<Map<String, Object>> ready() {
        HealthProbe.Check db = probe.database();
        boolean ready = db.healthy() && probe.migrationsApplied();
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", ready ? "ready" : "not_ready", "checks",
                        Map.of("database", db.status(), "migrations", probe.migrationsApplied() ? "applied" : "pending")));
    }

    @GetMapping({"/api/v1/health/detailed", "/v1/health/detailed"})
    public ResponseEntity<Map<String, Object>> detailed() {
        Map<String, Object> report = probe.detailed();
        boolean healthy = !"unhealthy".equals(report.get("status"));
        return ResponseEntity.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(report);
    }
}
