package dev.janua.server.ratelimit;

/**
 * Token-bucket rate limits, shared by every Janua process when Redis is configured. Modules call
 * {@link #check} for limits keyed by something only they know (an email address); the HTTP filter
 * handles the IP, user and API-key buckets.
 */
public interface RateLimits {
    /** Takes one token; never throws. */
    Decision tryConsume(RateLimitCategory category, String key);

    /**
     * Takes one token or throws {@code RATE_LIMITED} (429, with {@code retryAfter}); during an
     * HTTP request also sets the {@code X-RateLimit-*} headers of this bucket on the response.
     */
    void check(RateLimitCategory category, String key);

    /** False when limiting is switched off ({@code janua.rate-limits.enabled=false}): no buckets, no headers. */
    boolean enabled();

    /**
     * Takes one token from a bucket keyed by the client's IP address, unless that address is exempt
     * ({@code janua.rate-limits.exempt-ips}), which is always allowed. For filters that charge a
     * request themselves (SCIM, once it knows whether the token is valid).
     */
    Decision tryConsumeByIp(RateLimitCategory category, String ip);

    /** Writes the {@code X-RateLimit-*} headers of a decision (and {@code Retry-After} when refused). */
    void writeHeaders(jakarta.servlet.http.HttpServletResponse response, Decision decision);

    /**
     * {@code resetEpochSeconds}: when the bucket is full again; {@code retryAfterSeconds}: 0 when allowed;
     * {@code windowSeconds}: the bucket's period, in which it refills all of {@code limit}.
     */
    record Decision(boolean allowed, long limit, long remaining, long resetEpochSeconds, long retryAfterSeconds,
                    RateLimitCategory category, long windowSeconds) {}
}
