package dev.janua.server.ops;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import dev.janua.server.platform.redis.RedisLink;
import dev.janua.server.platform.persistence.migrations.SchemaMigrations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Probes the server's dependencies for the health endpoints. */
@Component
public class HealthProbe {
    private final JdbcClient jdbc;
    private final SchemaMigrations migrations;
    private final DataSource dataSource;
    private final Clock clock;
    private final RedisLink redis;

    public record Check(boolean healthy, String status, long responseTimeMs, String error) {}

    public HealthProbe(JdbcClient jdbc, SchemaMigrations migrations, DataSource dataSource, Clock clock, RedisLink redis) {
        this.migrations = migrations;
        this.redis = redis;
        this.jdbc = jdbc;
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
     * The start-up migration ({@link SchemaMigrations}) finished before requests are served, and the schema
     * cannot fall behind while the process lives: no need to ask Flyway again on every {@code /ready}.
     */
    public boolean migrationsApplied() {
        return migrations.applied();
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
