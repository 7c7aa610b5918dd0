package dev.janua.server.webhooks.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: the n-th entry of the schedule is the delay before attempt
 * n+1 (entry 0, "immediately", is the first attempt), with ±jitter, never earlier than the
 * receiver's {@code Retry-After}. Past the last entry the delivery is dead-lettered.
 */
public final class RetrySchedule {
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);
    private final List<Duration> delays;
    private final double jitter;
    private final DoubleSupplier random;

    public RetrySchedule(List<Duration> delays, double jitter, DoubleSupplier random) {
        if (delays.isEmpty()) throw new IllegalArgumentException("retry schedule is empty");
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
        this.random = random;
    }

    public int maxAttempts() {
        return delays.size();
    }

    /** The delay before the next attempt after {@code attemptsMade} attempts, or empty when none is left. */
    public Optional<Duration> next(int attemptsMade, Duration retryAfter) {
        if (attemptsMade >= delays.size()) return Optional.empty();
        Duration base = delays.get(attemptsMade);
        long ms = base.toMillis();
        if (ms > 0 && jitter > 0) ms = Math.round(ms * (1 + jitter * (2 * random.getAsDouble() - 1)));
        Duration delay = Duration.ofMillis(ms);
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            if (asked.compareTo(delay) > 0) delay = asked;
        }
        return Optional.of(delay);
    }
}
