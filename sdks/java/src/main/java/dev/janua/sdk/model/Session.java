package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A signed-in session (a device). */
public class Session extends JanuaObject {
    public Session(JsonNode raw) { super(raw); }

    public String id() { return text("id"); }
    public String userId() { return text("userId"); }
    public String device() { return text("device"); }
    public Map<String, Object> deviceInfo() { return map("deviceInfo"); }
    public String ipAddress() { return text("ipAddress"); }
    public String userAgent() { return text("userAgent"); }
    public String authMethod() { return text("authMethod"); }
    public boolean rememberMe() { return flag("rememberMe"); }
    public boolean isCurrent() { return flag("isCurrent"); }
    public boolean isActive() { return flag("isActive"); }
    public Instant createdAt() { return instant("createdAt"); }
    public Instant lastActiveAt() { return instant("lastActiveAt"); }
    public Instant expiresAt() { return instant("expiresAt"); }
    public Instant revokedAt() { return instant("revokedAt"); }
}
