package dev.janua.server.sso.app;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-reads IdP metadata given by URL every {@code janua.sso.metadata-refresh} (default 12 h), so a
 * certificate the IdP publishes ahead of a rollover is trusted before the IdP starts signing with it.
 * Every node may run it: each refresh locks its row, and a refresh done twice is harmless.
 */
@Component
public class MetadataRefresher {
    private static final Logger log = LoggerFactory.getLogger(MetadataRefresher.class);
    private final SsoConnections connections;
    private final dev.janua.server.sso.persistence.JdbcSamlExchanges exchanges;
    private final Clock clock;
    private final Duration interval;

    public MetadataRefresher(SsoConnections connections, dev.janua.server.sso.persistence.JdbcSamlExchanges exchanges, Clock clock, @Value("${janua.sso.metadata-refresh:PT12H}") Duration interval) {
        this.connections = connections;
        this.exchanges = exchanges;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT5M")
    public void refreshDue() {
        for (String org : connections.dueForRefresh(clock.instant().minus(interval), 100)) {
            try {
                if (connections.refreshMetadata(org)) log.info("SSO metadata of {}: signing certificates changed", org);
            } catch (RuntimeException e) {
                log.warn("SSO metadata refresh of {} failed: {}", org, e.toString());
            }
        }
    }

    /** Spent-by-time AuthnRequests and replay-cache entries past their assertion's validity. */
    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT7M")
    public void purgeExpired() {
        exchanges.purgeExpired(clock.instant());
    }
}
