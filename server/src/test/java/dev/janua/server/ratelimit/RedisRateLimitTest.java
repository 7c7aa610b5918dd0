package dev.janua.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.redis.RedisLink;
import dev.janua.server.ratelimit.app.BucketRateLimiter;
import dev.janua.server.ratelimit.app.RateLimitProperties;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import dev.janua.server.metrics.DomainMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Two limiters (as in two Janua processes) on one real Redis draw from the same buckets; the
 * in-memory store keeps them apart. Redis: JANUA_TEST_REDIS_URL, default redis://127.0.0.1:6379.
 */
class RedisRateLimitTest {
    private static final DomainMetrics METRICS = new DomainMetrics(new SimpleMeterRegistry());
    static final String REDIS = System.getenv().getOrDefault("JANUA_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private static JanuaProperties januaWithRedis(String url) {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of("janua.redis-url", url)))
                .bindOrCreate("janua", JanuaProperties.class);
    }

    private static RateLimitProperties limits(String prefix) {
        return new RateLimitProperties(true, prefix, List.of(), null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void processesSharingRedisShareBuckets() {
        RedisLink redis = new RedisLink(januaWithRedis(REDIS));
        try {
            redis.ping();
        } catch (RuntimeException e) {
            assumeTrue(false, "Redis not reachable at " + REDIS + ": " + e.getMessage());
        }
        String prefix = "janua-test:" + UUID.randomUUID() + ":";
        BucketRateLimiter a = new BucketRateLimiter(limits(prefix), redis, METRICS);
        BucketRateLimiter b = new BucketRateLimiter(limits(prefix), redis, METRICS);
        assertThat(a.storeKind()).isEqualTo("redis");
        for (int i = 0; i < 10; i++) {
            RateLimits.Decision d = (i % 2 == 0 ? a : b).tryConsume(RateLimitCategory.AUTH, "203.0.113.5");
            assertThat(d.allowed()).isTrue();
            assertThat(d.remaining()).isEqualTo(9 - i);
        }
        assertThat(a.tryConsume(RateLimitCategory.AUTH, "203.0.113.5").allowed()).isFalse();
        assertThat(b.tryConsume(RateLimitCategory.AUTH, "203.0.113.5").allowed()).isFalse();
        assertThat(b.tryConsume(RateLimitCategory.AUTH, "203.0.113.6").allowed()).isTrue();
    }

    @Test
    void withoutRedisEachProcessCountsAlone() {
        RedisLink none = new RedisLink(januaWithRedis(""));
        BucketRateLimiter a = new BucketRateLimiter(limits("x:"), none, METRICS);
        BucketRateLimiter b = new BucketRateLimiter(limits("x:"), none, METRICS);
        assertThat(a.storeKind()).isEqualTo("memory");
        for (int i = 0; i < 10; i++) assertThat(a.tryConsume(RateLimitCategory.AUTH, "k").allowed()).isTrue();
        assertThat(a.tryConsume(RateLimitCategory.AUTH, "k").allowed()).isFalse();
        assertThat(b.tryConsume(RateLimitCategory.AUTH, "k").allowed()).isTrue();
        RateLimits.Decision refused = a.tryConsume(RateLimitCategory.AUTH, "k");
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
    }
}
