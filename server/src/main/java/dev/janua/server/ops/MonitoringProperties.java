package dev.janua.server.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.monitoring.*}: {@code /metrics} and {@code /api/v1/health/detailed} describe the
 * server's insides, so they answer loopback clients and platform admins only, unless
 * {@code public-access} is set ({@code JANUA_MONITORING_PUBLIC_ACCESS=true}: a scraper on another
 * host, where the network already keeps strangers out).
 */
@ConfigurationProperties("janua.monitoring")
public record MonitoringProperties(@DefaultValue("false") boolean publicAccess) {}
