package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A permission of the catalogue ({@code users:read} …). */
public class Permission extends JanuaObject {
    public Permission(JsonNode raw) { super(raw); }

    /** The permission string, e.g. {@code members:read}. */
    public String key() { return text("id") != null ? text("id") : text("key"); }
    public String name() { return text("name"); }
    /** Platform-level (not grantable inside an organization). */
    public boolean platform() { return flag("platform"); }
    public String description() { return text("description"); }
    public String category() { return text("category"); }
}
