package dev.janua.server.notifications.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th failed attempt the next one waits
 * {@code initial × 2^(n-1)}, capped at {@code max}, ±{@code jitter}; after {@code maxAttempts}
 * attempts there is no next one and the message is dead-lettered.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final int maxAttempts;
    private final double jitter;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration max, int maxAttempts, double jitter, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero()) throw new IllegalArgumentException("initial backoff must be positive");
        if (max.compareTo(initial) < 0) throw new IllegalArgumentException("max backoff below the initial one");
        if (maxAttempts < 1) throw new IllegalArgumentException("at least one attempt");
        if (jitter < 0 || jitter >= 1) throw new IllegalArgumentException("jitter must be in [0, 1)");
        this.initial = initial;
        this.max = max;
        this.maxAttempts = maxAttempts;
        this.jitter = jitter;
        this.random = random;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** The wait before the next attempt after {@code attemptsMade} failed ones, or empty when none is left. */
    public Optional<Duration> next(int attemptsMade) {
        if (attemptsMade >= maxAttempts) return Optional.empty();
        int doublings = Math.max(0, Math.min(attemptsMade - 1, 40));
        long ms = initial.toMillis();
        for (int i = 0; i < doublings && ms < max.toMillis(); i++) ms *= 2;
        ms = Math.min(ms, max.toMillis());
        if (jitter > 0) ms = Math.round(ms * (1 + jitter * (2 * random.getAsDouble() - 1)));
        return Optional.of(Duration.ofMillis(Math.max(1, ms)));
    }
}
