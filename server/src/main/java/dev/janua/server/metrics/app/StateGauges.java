package dev.janua.server.metrics.app;

import dev.janua.server.metrics.DomainMetrics;
import dev.janua.server.metrics.persistence.JdbcQueueStats;
import dev.janua.server.metrics.persistence.JdbcQueueStats.Queue;
import dev.janua.server.ops.HealthProbe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of shared state (active sessions, outbox depth and oldest-item age, database and Redis
 * reachability), refreshed every {@code janua.metrics.gauge-refresh} (30 s): a scrape reads cached
 * numbers and never runs a query, whatever the size of the tables or the number of scrapers.
 * Every node reports the same cluster-wide values; dashboards take {@code max} across instances.
 */
@Component
public class StateGauges {
    private static final Logger log = LoggerFactory.getLogger(StateGauges.class);
    private final JdbcQueueStats stats;
    private final HealthProbe probe;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicLong activeSessions = new AtomicLong();
    private final AtomicLong databaseUp = new AtomicLong();
    private final AtomicLong redisUp = new AtomicLong();
    /** queue name (webhook, or a notification channel) → {depth, oldest-age seconds}. */
    private final Map<String, AtomicLongArray> queues = new ConcurrentHashMap<>();

    StateGauges(JdbcQueueStats stats, HealthProbe probe, Clock clock, MeterRegistry registry) {
        this.stats = stats;
        this.probe = probe;
        this.clock = clock;
        this.registry = registry;
        Gauge.builder("janua.sessions.active", activeSessions, AtomicLong::get)
                .description("Sessions neither revoked nor expired (cluster-wide, refreshed periodically)").register(registry);
        for (var dependency : Map.of("database", databaseUp, "redis", redisUp).entrySet()) {
            Gauge.builder("janua.dependency.up", dependency.getValue(), AtomicLong::get).tag("dependency", dependency.getKey())
                    .description("1 when the last periodic check (the one /ready makes) reached the dependency, else 0; "
                            + "Redis reports 1 when not configured").register(registry);
        }
        queue("webhook");
        for (String channel : DomainMetrics.NOTIFICATION_CHANNELS) queue(channel);
    }

    /** Also called by tests, which cannot wait for the schedule. */
    @Scheduled(fixedDelayString = "${janua.metrics.gauge-refresh:PT30S}", initialDelayString = "PT5S")
    public void refresh() {
        databaseUp.set(probe.database().healthy() ? 1 : 0);
        redisUp.set(probe.redis().healthy() ? 1 : 0);
        if (databaseUp.get() == 0) return; // keep the last known values; the alert is on janua_dependency_up
        Instant now = clock.instant();
        try {
            activeSessions.set(stats.activeSessions(now));
            set(stats.webhookDeliveries(), now);
            Map<String, Queue> byChannel = new java.util.HashMap<>();
            for (Queue q : stats.notificationOutbox()) byChannel.put(q.name(), q);
            for (String channel : DomainMetrics.NOTIFICATION_CHANNELS) {
                set(byChannel.getOrDefault(channel, new Queue(channel, 0, null)), now);
            }
        } catch (RuntimeException e) {
            log.warn("refreshing the state gauges failed: {}", e.toString());
        }
    }

    private void set(Queue q, Instant now) {
        AtomicLongArray v = queue(q.name());
        v.set(0, q.depth());
        v.set(1, q.oldest() == null ? 0 : Math.max(0, Duration.between(q.oldest(), now).toSeconds()));
    }

    private AtomicLongArray queue(String name) {
        return queues.computeIfAbsent(name, n -> {
            AtomicLongArray v = new AtomicLongArray(2);
            boolean webhook = n.equals("webhook");
            String depth = webhook ? "janua.webhook.queue.depth" : "janua.notification.queue.depth";
            String age = webhook ? "janua.webhook.queue.oldest.age" : "janua.notification.queue.oldest.age";
            Gauge.Builder<AtomicLongArray> d = Gauge.builder(depth, v, a -> a.get(0)).description("Items waiting in the outbox or being sent");
            Gauge.Builder<AtomicLongArray> o = Gauge.builder(age, v, a -> a.get(1)).baseUnit("seconds")
                    .description("Age of the oldest item waiting in the outbox (0 when empty)");
            if (!webhook) {
                d.tag("channel", n);
                o.tag("channel", n);
            }
            d.register(registry);
            o.register(registry);
            return v;
        });
    }
}
