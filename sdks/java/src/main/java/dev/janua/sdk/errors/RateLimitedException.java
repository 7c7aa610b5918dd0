package dev.janua.sdk.errors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * HTTP 429 {@code RATE_LIMITED} (or a module's own 429 such as the magic-link limit). The SDK waits and
 * retries by itself when {@link #retryAfter()} is within the client's {@code maxRetryAfter}; otherwise (or
 * once retries are spent) this is thrown at once so the caller decides: tell the user, or reschedule.
 */
public class RateLimitedException extends JanuaException {
    private final Duration retryAfter;
    private final Integer limit;
    private final Integer remaining;
    private final Instant resetAt;

    public RateLimitedException(String message, String code, int status, Map<String, Object> details, String requestId,
                                String timestamp, Map<String, List<String>> headers, Duration retryAfter,
                                Integer limit, Integer remaining, Instant resetAt) {
        super(message, code, status, details, requestId, timestamp, headers, null);
        this.retryAfter = retryAfter;
        this.limit = limit;
        this.remaining = remaining;
        this.resetAt = resetAt;
    }

    /** From {@code Retry-After} (seconds or HTTP date), else {@code details.retryAfter}; null if neither. */
    public Duration retryAfter() { return retryAfter; }

    /** {@code X-RateLimit-Limit}, when sent. */
    public Integer limit() { return limit; }

    /** {@code X-RateLimit-Remaining}, when sent. */
    public Integer remaining() { return remaining; }

    /** {@code X-RateLimit-Reset}, when sent. */
    public Instant resetAt() { return resetAt; }
}
