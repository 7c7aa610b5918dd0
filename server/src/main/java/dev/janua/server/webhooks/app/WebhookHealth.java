package dev.janua.server.webhooks.app;

import dev.janua.server.webhooks.WebhookStatus;
import dev.janua.server.webhooks.persistence.JdbcWebhookDeliveries;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class WebhookHealth implements WebhookStatus {
    private final JdbcWebhookDeliveries deliveries;
    private final WebhookFanout fanout;

    WebhookHealth(JdbcWebhookDeliveries deliveries, WebhookFanout fanout) {
        this.deliveries = deliveries;
        this.fanout = fanout;
    }

    @Override
    public Map<String, Long> deliveriesByStatus() {
        return deliveries.countByStatus();
    }

    @Override
    public long fanoutBacklog() {
        return fanout.backlog();
    }
}
