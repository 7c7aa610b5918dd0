package dev.janua.server.magiclink.app;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.magic-links.*} ({@code JANUA_MAGIC_LINKS_*}). {@code allowedRedirectOrigins}
 * lists the origins ({@code https://app.example.com}) a link may redirect to, besides Janua's own
 * (and localhost outside production).
 */
@ConfigurationProperties("janua.magic-links")
public record MagicLinkProperties(
        @DefaultValue("15m") Duration ttl,
        @DefaultValue("true") boolean selfSignup,
        @DefaultValue("5") int sendLimit,
        @DefaultValue("1h") Duration sendWindow,
        @DefaultValue("2m") Duration exchangeTtl,
        @DefaultValue List<String> allowedRedirectOrigins) {}
