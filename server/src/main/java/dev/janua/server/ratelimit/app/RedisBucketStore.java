package dev.janua.server.ratelimit.app;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Buckets in Redis (Bucket4j's compare-and-swap proxy over Lettuce), so every Janua process
 * draws from the same buckets. Keys expire once their bucket would be full again.
 */
final class RedisBucketStore implements BucketStore {
    private final LettuceBasedProxyManager<byte[]> proxies;
    private final String prefix;

    RedisBucketStore(StatefulRedisConnection<byte[], byte[]> connection, String prefix) {
        this.prefix = prefix;
        this.proxies = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    static StatefulRedisConnection<byte[], byte[]> connect(RedisClient client) {
        return client.connect(ByteArrayCodec.INSTANCE);
    }

    @Override
    public ConsumptionProbe consume(String key, BucketConfiguration configuration) {
        return proxies.getProxy((prefix + key).getBytes(StandardCharsets.UTF_8), () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public String kind() {
        return "redis";
    }
}
