package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One delivery of one event to one endpoint, with its attempts. */
public class WebhookDelivery extends JanuaObject {
    public WebhookDelivery(JsonNode raw) { super(raw); }

    public String id() { return text("id"); }
    public String webhookId() { return text("webhookId"); }
    public String eventId() { return text("eventId"); }
    public String eventType() { return text("eventType"); }
    public String status() { return text("status"); }
    public boolean success() { return flag("success"); }
    public Integer attempts() { return integer("attempts"); }
    public Integer lastStatusCode() { return integer("lastStatusCode"); }
    public String lastError() { return text("lastError"); }
    public Instant nextAttemptAt() { return instant("nextAttemptAt"); }
    public Instant createdAt() { return instant("createdAt"); }
    public Instant completedAt() { return instant("completedAt"); }
    public String payload() { return text("payload"); }
}
