package dev.janua.server.audit.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.audit.*}: how long the chain appender waits for a missing event seq before it steps
 * over it, how long a stepped-over seq is still watched for, batch size, idle poll interval and the
 * number of threads verification uses (0 = one per processor).
 */
@ConfigurationProperties("janua.audit")
public record AuditProperties(
        @DefaultValue("2s") Duration gapWait,
        @DefaultValue("24h") Duration gapRetention,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("0") int verifyThreads) {}
