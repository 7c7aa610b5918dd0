package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A user's role and permissions in each organization. */
public class UserRoles extends JanuaObject {
    public UserRoles(JsonNode raw) { super(raw); }

    public String userId() { return text("userId"); }
    public boolean isPlatformAdmin() { return flag("isPlatformAdmin"); }
    /** Per organization: {@code organizationId}, {@code role}, {@code permissions} … */
    public List<Map<String, Object>> roles() { return maps("roles"); }
}
