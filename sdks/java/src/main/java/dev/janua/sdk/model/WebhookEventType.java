package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An entry of the webhook event catalogue. */
public class WebhookEventType extends JanuaObject {
    public WebhookEventType(JsonNode raw) { super(raw); }

    public String type() { return text("type"); }
    public String description() { return text("description"); }
    public List<String> aliases() { return strings("aliases"); }
}
