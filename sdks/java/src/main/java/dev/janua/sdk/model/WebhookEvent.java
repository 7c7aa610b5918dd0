package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A verified webhook payload: {@code {"id", "type", "timestamp", "data", …}}. */
public class WebhookEvent extends JanuaObject {
    public WebhookEvent(JsonNode raw) { super(raw); }

    public String id() { return text("id"); }
    public String type() { return text("type"); }
    public String timestamp() { return text("timestamp"); }
    public Map<String, Object> data() { return map("data"); }
}
