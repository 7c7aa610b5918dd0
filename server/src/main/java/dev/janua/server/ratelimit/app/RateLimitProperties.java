package dev.janua.server.ratelimit.app;

import dev.janua.server.ratelimit.RateLimitCategory;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.rate-limits.*}: {@code enabled}, {@code exempt-ips} (never limited by IP: health
 * checkers, load tests), {@code redis-prefix}, and per bucket {@code <bucket>.capacity} /
 * {@code <bucket>.period} (buckets: auth, password-reset, email-verification, magic-link, sms, api,
 * anonymous — the seed's "default" bucket —, authenticated, webhook-delivery, scim).
 */
@ConfigurationProperties("janua.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("janua:rl:") String redisPrefix,
        @DefaultValue("") List<String> exemptIps,
        Limit auth,
        Limit passwordReset,
        Limit emailVerification,
        Limit magicLink,
        Limit sms,
        Limit api,
        Limit anonymous,
        Limit authenticated,
        Limit webhookDelivery,
        Limit scim) {

    public record Limit(Long capacity, Duration period) {}

    public record Effective(long capacity, Duration period) {}

    public Effective limit(RateLimitCategory c) {
        Limit configured = switch (c) {
            case AUTH -> auth;
            case PASSWORD_RESET -> passwordReset;
            case EMAIL_VERIFICATION -> emailVerification;
            case MAGIC_LINK -> magicLink;
            case SMS -> sms;
            case API -> api;
            case DEFAULT -> anonymous;
            case AUTHENTICATED -> authenticated;
            case WEBHOOK_DELIVERY -> webhookDelivery;
            case SCIM -> scim;
        };
        long capacity = configured != null && configured.capacity() != null ? configured.capacity() : c.defaultCapacity();
        Duration period = configured != null && configured.period() != null ? configured.period() : c.defaultPeriod();
        return new Effective(capacity, period);
    }

    public boolean exempt(String ip) {
        return ip != null && exemptIps.stream().anyMatch(e -> e.trim().equals(ip));
    }
}
