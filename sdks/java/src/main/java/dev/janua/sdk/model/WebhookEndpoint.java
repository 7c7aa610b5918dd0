package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A webhook endpoint. {@link #secret()} is present in the answer to create. */
public class WebhookEndpoint extends JanuaObject {
    public WebhookEndpoint(JsonNode raw) { super(raw); }

    public String id() { return text("id"); }
    public String url() { return text("url"); }
    public String description() { return text("description"); }
    public List<String> events() { return strings("events"); }
    public boolean active() { return flag("active"); }
    public String disabledReason() { return text("disabledReason"); }
    public String organizationId() { return text("organizationId"); }
    public String secret() { return text("secret"); }
    public Instant createdAt() { return instant("createdAt"); }
    public Instant updatedAt() { return instant("updatedAt"); }
}
