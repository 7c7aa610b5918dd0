package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A role: system roles (owner, admin, member, viewer) or an organization's custom role. */
public class Role extends JanuaObject {
    public Role(JsonNode raw) { super(raw); }

    public String id() { return text("id"); }
    public String key() { return text("key"); }
    public String name() { return text("name"); }
    public String description() { return text("description"); }
    public List<String> permissions() { return strings("permissions"); }
    public boolean isSystem() { return flag("isSystem"); }
    public String organizationId() { return text("organizationId"); }
    public Integer memberCount() { return integer("memberCount"); }
    public Instant createdAt() { return instant("createdAt"); }
}
