package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Answer of a permission check: {@link #granted()} is true only if every permission asked for is held. */
public class PermissionCheck extends JanuaObject {
    public PermissionCheck(JsonNode raw) { super(raw); }

    public String userId() { return text("userId"); }
    public String organizationId() { return text("organizationId"); }
    public boolean granted() { return flag("granted"); }
    /** Per permission: {@code {"permission", "granted", "reason"}}. */
    public List<Map<String, Object>> results() { return maps("results"); }
    /** Whether one permission of the check was granted. */
    public boolean granted(String permission) { for (Map<String, Object> r : results()) if (permission.equals(r.get("permission"))) return Boolean.TRUE.equals(r.get("granted")); return false; }
}
