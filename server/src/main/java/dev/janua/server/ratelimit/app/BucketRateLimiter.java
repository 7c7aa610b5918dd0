package dev.janua.server.ratelimit.app;

import dev.janua.server.metrics.DomainMetrics;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.redis.RedisLink;
import dev.janua.server.ratelimit.RateLimitCategory;
import dev.janua.server.ratelimit.RateLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Token buckets with Bucket4j: each bucket refills all its tokens once per period (so
 * {@code X-RateLimit-Reset} is a real moment). In memory by default, in Redis when
 * {@code JANUA_REDIS_URL} is set. If Redis fails, requests are let through (logged) rather than
 * turning a cache outage into a full outage.
 */
@Service
public class BucketRateLimiter implements RateLimits {
    private static final Logger log = LoggerFactory.getLogger(BucketRateLimiter.class);
    private final RateLimitProperties properties;
    private final DomainMetrics metrics;
    private final BucketStore store;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final Map<RateLimitCategory, BucketConfiguration> configurations = new EnumMap<>(RateLimitCategory.class);

    public BucketRateLimiter(RateLimitProperties properties, RedisLink redis, DomainMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
        for (RateLimitCategory c : RateLimitCategory.values()) {
            RateLimitProperties.Effective l = properties.limit(c);
            configurations.put(c, BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(l.capacity()).refillIntervally(l.capacity(), l.period()).build())
                    .build());
        }
        if (redis.client().isPresent()) {
            connection = RedisBucketStore.connect(redis.client().get());
            store = new RedisBucketStore(connection, properties.redisPrefix());
        } else {
            connection = null;
            store = new LocalBucketStore();
        }
    }

    @Override
    public boolean enabled() {
        return properties.enabled();
    }

    public String storeKind() {
        return store.kind();
    }

    private long limitOf(RateLimitCategory c) {
        return properties.limit(c).capacity();
    }

    /** The bucket's period in seconds: the {@code X-RateLimit-Window} header. */
    private long windowOf(RateLimitCategory c) {
        return properties.limit(c).period().toSeconds();
    }

    private boolean exempt(String ip) {
        return properties.exempt(ip);
    }

    @Override
    public Decision tryConsume(RateLimitCategory category, String key) {
        long limit = limitOf(category);
        long window = windowOf(category);
        long nowSeconds = System.currentTimeMillis() / 1000;
        if (!properties.enabled()) return new Decision(true, limit, limit, nowSeconds, 0, category, window);
        ConsumptionProbe probe;
        try {
            probe = store.consume(category.wire() + ':' + key, configurations.get(category));
        } catch (RuntimeException e) {
            log.warn("rate limit store ({}) unavailable, letting the request through: {}", store.kind(), e.toString());
            return new Decision(true, limit, limit, nowSeconds, 0, category, window);
        }
        long reset = nowSeconds + ceilSeconds(probe.getNanosToWaitForReset());
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        if (!probe.isConsumed()) metrics.rateLimited(category.wire());
        return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(), reset, retryAfter, category, window);
    }

    @Override
    public Decision tryConsumeByIp(RateLimitCategory category, String ip) {
        if (!exempt(ip)) return tryConsume(category, ip);
        long limit = limitOf(category);
        return new Decision(true, limit, limit, System.currentTimeMillis() / 1000, 0, category, windowOf(category));
    }

    @Override
    public void writeHeaders(HttpServletResponse response, Decision decision) {
        RateLimitHeaders.write(response, decision);
    }

    @Override
    public void check(RateLimitCategory category, String key) {
        Decision d = tryConsume(category, key);
        HttpServletResponse response = currentResponse();
        if (response != null && !response.isCommitted()) {
            String shown = response.getHeader(RateLimitHeaders.REMAINING);
            if (!d.allowed() || shown == null || Long.parseLong(shown) >= d.remaining()) RateLimitHeaders.write(response, d);
        }
        if (!d.allowed()) throw refused(d);
    }

    public static JanuaException refused(Decision d) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("retryAfter", d.retryAfterSeconds());
        details.put("limit", d.limit());
        details.put("remaining", 0);
        details.put("bucket", d.category().wire());
        details.put("resetTime", java.time.Instant.ofEpochSecond(d.resetEpochSeconds()).toString());
        return new JanuaException(ErrorCode.RATE_LIMITED, details);
    }

    @Scheduled(fixedDelayString = "PT1M")
    void sweep() {
        if (store instanceof LocalBucketStore local) local.sweep();
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private static HttpServletResponse currentResponse() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getResponse() : null;
    }

    @PreDestroy
    void close() {
        if (connection != null) connection.close();
    }
}
