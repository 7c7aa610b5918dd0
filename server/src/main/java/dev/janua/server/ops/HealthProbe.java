package dev.janua.server.ops;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import dev.janua.server.platform.redis.RedisLink;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Probes the server's dependencies for the health endpoints. */
@Component
public class HealthProbe {
    private final JdbcClient jdbc;
    private final ObjectProvider<Flyway> flyway;
    private final ObjectProvider<FlywayMigrationInitializer> startupMigration;
    private final DataSource dataSource;
    private final Clock clock;
    private final RedisLink redis;
    private volatile boolean migrated;

    public record Check(boolean healthy, String status, long responseTimeMs, String error) {}

    public HealthProbe(JdbcClient jdbc, ObjectProvider<Flyway> flyway, ObjectProvider<FlywayMigrationInitializer> startupMigration,
                       DataSource dataSource, Clock clock, RedisLink redis) {
        this.startupMigration = startupMigration;
        this.redis = redis;
        this.jdbc = jdbc;
        this.flyway = flyway;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public String version() {
        String v = HealthProbe.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public Instant now() {
        return clock.instant();
    }

    public Check database() {
        long start = System.nanoTime();
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            return new Check(true, "healthy", (System.nanoTime() - start) / 1_000_000, null);
        } catch (RuntimeException e) {
            return new Check(false, "unhealthy", (System.nanoTime() - start) / 1_000_000, e.getClass().getSimpleName());
        }
    }

    /** Redis when {@code JANUA_REDIS_URL} is set; {@code not_configured} (healthy) otherwise. */
    public Check redis() {
        if (!redis.configured()) return new Check(true, "not_configured", 0, null);
        long start = System.nanoTime();
        try {
            return new Check(true, "healthy", redis.ping(), null);
        } catch (RuntimeException e) {
            return new Check(false, "unhealthy", (System.nanoTime() - start) / 1_000_000, e.getClass().getSimpleName());
        }
    }

    /**
     * Once every migration has been seen applied, the answer cannot change while the process lives. When
     * this process migrated at start-up (Spring Boot's initializer bean exists only if its migrate succeeded,
     * and requests are served only after it), that is already known: asking Flyway again would re-read every
     * migration and the history table on the first {@code /ready} (issue 16: part of the path to ready).
     */
    public boolean migrationsApplied() {
        if (migrated) return true;
        if (startupMigration.getIfAvailable() != null) return migrated = true;
        Flyway f = flyway.getIfAvailable();
        if (f == null) return false;
        try {
            MigrationInfo[] pending = f.info().pending();
            migrated = pending.length == 0;
        } catch (RuntimeException e) {
            return false;
        }
        return migrated;
    }

    public Map<String, Object> detailed() {
        Check db = database();
        Map<String, Object> checks = new LinkedHashMap<>();
        Map<String, Object> dbReport = new LinkedHashMap<>();
        dbReport.put("status", db.status());
        dbReport.put("responseTime", db.responseTimeMs());
        dbReport.put("product", databaseProduct());
        dbReport.put("migrations", migrationsApplied() ? "applied" : "pending");
        if (db.error() != null) dbReport.put("error", db.error());
        checks.put("database", dbReport);
        Check redisCheck = redis();
        Map<String, Object> redisReport = new LinkedHashMap<>();
        redisReport.put("status", redisCheck.status());
        redisReport.put("responseTime", redisCheck.responseTimeMs());
        if (redisCheck.error() != null) redisReport.put("error", redisCheck.error());
        checks.put("redis", redisReport);
        Runtime rt = Runtime.getRuntime();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", db.healthy() && migrationsApplied() ? redisCheck.healthy() ? "healthy" : "degraded" : "unhealthy");
        out.put("timestamp", now().toString());
        out.put("version", version());
        out.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        out.put("checks", checks);
        out.put("jvm", Map.of("heapUsedBytes", rt.totalMemory() - rt.freeMemory(), "heapMaxBytes", rt.maxMemory(),
                "availableProcessors", rt.availableProcessors()));
        return out;
    }

    private String databaseProduct() {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
