package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A record of the audit log (hash-chained). */
public class AuditEntry extends JanuaObject {
    public AuditEntry(JsonNode raw) { super(raw); }

    public String id() { return text("id"); }
    public Long position() { return number("position"); }
    public String eventId() { return text("eventId"); }
    public String eventType() { return text("eventType"); }
    public Instant timestamp() { return instant("timestamp"); }
    public String userId() { return text("userId"); }
    public String actorId() { return text("actorId"); }
    public String subjectId() { return text("subjectId"); }
    public String organizationId() { return text("organizationId"); }
    public String ipAddress() { return text("ipAddress"); }
    public String requestId() { return text("requestId"); }
    public Map<String, Object> details() { return map("details"); }
    public String hashChain() { return text("hashChain"); }
    public String previousHash() { return text("previousHash"); }
}
