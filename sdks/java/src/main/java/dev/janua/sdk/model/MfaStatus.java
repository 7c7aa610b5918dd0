package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What second factors a user has. */
public class MfaStatus extends JanuaObject {
    public MfaStatus(JsonNode raw) { super(raw); }

    public boolean enabled() { return flag("enabled"); }
    public boolean required() { return flag("required"); }
    /** Per method: {@code {"type": "totp", "enabled": true}} … */
    public List<Map<String, Object>> methods() { return maps("methods"); }
    public Integer backupCodesRemaining() { JsonNode b = node("backupCodes"); return b == null ? null : b.path("remaining").asInt(); }
}
