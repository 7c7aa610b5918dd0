package dev.janua.server.ratelimit;

import java.time.Duration;

/**
 * The token buckets of seed 002 and 004, with their default sizes: a bucket holds
 * {@code capacity} tokens and refills all of them every {@code period}. {@code wire} is the
 * {@code X-RateLimit-Bucket} header value.
 */
public enum RateLimitCategory {
    AUTH("auth", 10, Duration.ofMinutes(1), "per IP"),
    PASSWORD_RESET("password_reset", 3, Duration.ofHours(1), "per email"),
    EMAIL_VERIFICATION("email_verification", 5, Duration.ofHours(1), "per email"),
    MAGIC_LINK("magic_link", 5, Duration.ofHours(1), "per email"),
    SMS("sms", 5, Duration.ofHours(1), "per user and per phone number"),
    API("api", 1000, Duration.ofHours(1), "per API key"),
    DEFAULT("default", 100, Duration.ofMinutes(1), "per IP"),
    AUTHENTICATED("authenticated", 1000, Duration.ofMinutes(1), "per user"),
    WEBHOOK_DELIVERY("webhook_delivery", 100, Duration.ofMinutes(1), "per endpoint"),
    /** SCIM provisioning: an IdP's initial sync sends bursts of a few requests a second for hours. */
    SCIM("scim", 1200, Duration.ofMinutes(1), "per SCIM token");

    private final String wire;
    private final long defaultCapacity;
    private final Duration defaultPeriod;
    private final String keyedBy;

    RateLimitCategory(String wire, long capacity, Duration period, String keyedBy) {
        this.wire = wire;
        this.defaultCapacity = capacity;
        this.defaultPeriod = period;
        this.keyedBy = keyedBy;
    }

    public String wire() {
        return wire;
    }

    public long defaultCapacity() {
        return defaultCapacity;
    }

    public Duration defaultPeriod() {
        return defaultPeriod;
    }

    public String keyedBy() {
        return keyedBy;
    }

    public boolean keyedByIp() {
        return keyedBy.equals("per IP");
    }
}
