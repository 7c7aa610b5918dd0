package dev.janua.server.notifications.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.notifications.*}: the email/SMS outbox worker. A failed message is tried again
 * after {@code retryInitial}, doubling up to {@code retryMax} (±{@code jitter}), and dead-lettered
 * after {@code maxAttempts} attempts (defaults: 10 attempts over about 85 minutes). {@code lease}
 * is how long a claimed message stays with the process that claimed it: if that process dies,
 * another one sends it after the lease. Sent and withheld rows are deleted after {@code retention}.
 */
@ConfigurationProperties("janua.notifications")
public record NotificationProperties(
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("10s") Duration retryInitial,
        @DefaultValue("1h") Duration retryMax,
        @DefaultValue("0.1") double jitter,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("8") int concurrency,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("7d") Duration retention) {}
