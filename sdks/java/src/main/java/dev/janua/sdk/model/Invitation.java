package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An invitation to an organization (the token itself goes only to the invitee by email). */
public class Invitation extends JanuaObject {
    public Invitation(JsonNode raw) { super(raw); }

    public String id() { return text("id"); }
    public String organizationId() { return text("organizationId"); }
    public String email() { return text("email"); }
    public String role() { return text("role"); }
    public String roleId() { return text("roleId"); }
    public List<String> permissions() { return strings("permissions"); }
    public String message() { return text("message"); }
    public String status() { return text("status"); }
    public String invitedBy() { return text("invitedBy"); }
    public Instant createdAt() { return instant("createdAt"); }
    public Instant expiresAt() { return instant("expiresAt"); }
    public Integer sentCount() { return integer("sentCount"); }
    public Instant acceptedAt() { return instant("acceptedAt"); }
    public String acceptedBy() { return text("acceptedBy"); }
    public Instant revokedAt() { return instant("revokedAt"); }
}
