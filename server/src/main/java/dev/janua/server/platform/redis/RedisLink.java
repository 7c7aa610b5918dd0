package dev.janua.server.platform.redis;

import dev.janua.server.platform.config.JanuaProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Redis server named by {@code JANUA_REDIS_URL}, when there is one (rate limits shared across
 * processes; later cross-node fan-out). Without it Janua keeps that state in memory.
 */
@Component
public class RedisLink {
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> probe;

    public RedisLink(JanuaProperties properties) {
        String url = properties.redisUrl();
        if (url == null || url.isBlank()) {
            client = null;
        } else {
            RedisURI uri = RedisURI.create(url.trim());
            uri.setTimeout(Duration.ofSeconds(2));
            client = RedisClient.create(uri);
        }
    }

    public Optional<RedisClient> client() {
        return Optional.ofNullable(client);
    }

    public boolean configured() {
        return client != null;
    }

    /** Round-trip time of a PING in ms; throws when Redis does not answer. */
    public long ping() {
        if (client == null) throw new IllegalStateException("Redis is not configured");
        long start = System.nanoTime();
        StatefulRedisConnection<String, String> c = probe;
        if (c == null || !c.isOpen()) {
            synchronized (this) {
                if (probe == null || !probe.isOpen()) probe = client.connect();
                c = probe;
            }
        }
        c.sync().ping();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @PreDestroy
    void close() {
        if (probe != null) probe.close();
        if (client != null) client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
