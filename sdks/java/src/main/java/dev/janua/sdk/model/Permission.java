package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A permission of the catalogue ({@code users:read} …). */
public class Permission extends JanuaObject {
    public Permission(JsonNode raw) { super(raw); }

    public String key() { return text("key") != null ? text("key") : text("name"); }
    public String description() { return text("description"); }
    public String category() { return text("category"); }
}
