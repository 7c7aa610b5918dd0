package dev.janua.server.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.RedisClient;

/** The Redis multi-process tests share (JANUA_TEST_REDIS_URL, default 127.0.0.1:6379); they are skipped when it is down. */
public final class TestRedis {
    public static final String URL = System.getenv().getOrDefault("JANUA_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private TestRedis() {}

    /** Skips the calling test (an assumption, not a failure) when Redis does not answer PING. */
    public static void assumeReachable() {
        RedisClient probe = RedisClient.create(URL);
        try (var c = probe.connect()) {
            c.sync().ping();
        } catch (RuntimeException e) {
            assumeTrue(false, "Redis not reachable at " + URL + ": " + e.getMessage());
        } finally {
            probe.shutdown();
        }
    }
}
