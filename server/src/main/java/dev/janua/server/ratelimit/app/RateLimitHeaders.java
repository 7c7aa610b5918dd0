package dev.janua.server.ratelimit.app;

import dev.janua.server.ratelimit.RateLimits.Decision;
import jakarta.servlet.http.HttpServletResponse;

/** The {@code X-RateLimit-*} headers (seed 002; {@code Window} from seed 000) and, on refusal, {@code Retry-After}. */
public final class RateLimitHeaders {
    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    public static final String BUCKET = "X-RateLimit-Bucket";
    /** Seed 000: the bucket's period in seconds. */
    public static final String WINDOW = "X-RateLimit-Window";

    private RateLimitHeaders() {}

    public static void write(HttpServletResponse response, Decision d) {
        response.setHeader(LIMIT, Long.toString(d.limit()));
        response.setHeader(REMAINING, Long.toString(d.remaining()));
        response.setHeader(RESET, Long.toString(d.resetEpochSeconds()));
        response.setHeader(WINDOW, Long.toString(d.windowSeconds()));
        response.setHeader(BUCKET, d.category().wire());
        if (!d.allowed()) response.setHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
    }
}
