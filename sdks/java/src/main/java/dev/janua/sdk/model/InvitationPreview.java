package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What an invitation token offers, shown before accepting (no credentials needed). */
public class InvitationPreview extends JanuaObject {
    public InvitationPreview(JsonNode raw) { super(raw); }

    public String invitationId() { return text("invitationId"); }
    public String organizationId() { return text("organizationId"); }
    public String organizationName() { return text("organizationName"); }
    public String email() { return text("email"); }
    public String role() { return text("role"); }
    public String invitedBy() { return text("invitedBy"); }
    public Instant expiresAt() { return instant("expiresAt"); }
}
