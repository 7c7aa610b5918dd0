package dev.janua.server.platform.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-node cache of session liveness and user rows on the authenticated hot path
 * ({@code JANUA_AUTH_CACHE_*}; docs/sessions.md, "Per-node cache"). Entries are removed at once on this
 * node when a session or user changes, and on other nodes through PostgreSQL LISTEN/NOTIFY; {@code ttl}
 * is only the last resort bound for a change that somehow was not announced.
 */
@ConfigurationProperties("janua.auth-cache")
public record AuthCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10000") int maxEntries,
        @DefaultValue("30s") Duration ttl) {}
