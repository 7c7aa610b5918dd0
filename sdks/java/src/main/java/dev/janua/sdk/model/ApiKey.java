package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An API key. {@link #key()} (the secret {@code sk_…}) is present only in the answer to create. */
public class ApiKey extends JanuaObject {
    public ApiKey(JsonNode raw) { super(raw); }

    public String id() { return text("id"); }
    public String name() { return text("name"); }
    /** The secret, shown once at creation; null afterwards. */
    public String key() { return text("key"); }
    public String keyPrefix() { return text("keyPrefix"); }
    public String scope() { return text("scope"); }
    public String organizationId() { return text("organizationId"); }
    public List<String> permissions() { return strings("permissions"); }
    public String status() { return text("status"); }
    public String createdBy() { return text("createdBy"); }
    public Instant createdAt() { return instant("createdAt"); }
    public Instant expiresAt() { return instant("expiresAt"); }
    public Instant lastUsedAt() { return instant("lastUsedAt"); }
    public Instant revokedAt() { return instant("revokedAt"); }
}
