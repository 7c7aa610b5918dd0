package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An organization; {@code userRole}/{@code userPermissions} are the caller's. */
public class Organization extends JanuaObject {
    public Organization(JsonNode raw) { super(raw); }

    public String id() { return text("id"); }
    public String name() { return text("name"); }
    public String slug() { return text("slug"); }
    public String description() { return text("description"); }
    public String domain() { return text("domain"); }
    public String logoUrl() { return text("logoUrl"); }
    public String billingEmail() { return text("billingEmail"); }
    public Integer memberCount() { return integer("memberCount"); }
    public Map<String, Object> settings() { return map("settings"); }
    public String createdBy() { return text("createdBy"); }
    public Instant createdAt() { return instant("createdAt"); }
    public Instant updatedAt() { return instant("updatedAt"); }
    public String userRole() { return text("userRole"); }
    public List<String> userPermissions() { return strings("userPermissions"); }
}
