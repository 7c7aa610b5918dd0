package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A device remembered after MFA (skips the second factor until it expires). */
public class TrustedDevice extends JanuaObject {
    public TrustedDevice(JsonNode raw) { super(raw); }

    public String id() { return text("id"); }
    public String name() { return text("name"); }
    public Instant createdAt() { return instant("createdAt"); }
    public Instant expiresAt() { return instant("expiresAt"); }
}
