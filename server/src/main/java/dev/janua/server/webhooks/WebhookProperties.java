package dev.janua.server.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.webhooks.*}. Defaults follow SECURITY.md: 15 s timeout, the retry schedule
 * (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h, with ±10 % jitter), no
 * private or loopback targets. {@code lease} is how long a claimed delivery stays with the process
 * that claimed it; after that (the process died) another process takes it, with the same webhook-id.
 */
@ConfigurationProperties("janua.webhooks")
public record WebhookProperties(
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("16") int concurrency,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "14h", "20h", "24h"}) List<Duration> retrySchedule,
        @DefaultValue("0.1") double jitter,
        @DefaultValue("24h") Duration secretRotationOverlap,
        @DefaultValue("2025-01-15") String apiVersion,
        @DefaultValue("2s") Duration gapWait,
        @DefaultValue("24h") Duration gapRetention) {}
