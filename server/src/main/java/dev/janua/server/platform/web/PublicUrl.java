package dev.janua.server.platform.web;

import dev.janua.server.platform.config.JanuaProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The server's public base URL: {@code JANUA_BASE_URL} when set, else {@code http://localhost:<port>}
 * with the port the server really listens on (known only once it has started).
 */
@Component
public class PublicUrl {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PublicUrl.class);
    private final String configured;
    private volatile String discovered;

    public PublicUrl(JanuaProperties properties) {
        this.configured = properties.baseUrl().replaceAll("/+$", "");
    }

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        discovered = "http://localhost:" + event.getWebServer().getPort();
        log.info("Janua listening on {} — API {}/api/v1, docs {}/docs, health {}/health",
                discovered, base(), base(), base());
    }

    public String base() {
        if (!configured.isEmpty()) return configured;
        return discovered == null ? "http://localhost:8000" : discovered;
    }
}
