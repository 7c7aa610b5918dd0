package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * Answer of accepting an invitation: the membership, and — when the invitee signed up or in through the
 * acceptance — the new session as in {@link SignInResult}.
 */
public final class InvitationAcceptance extends SignInResult {
    public InvitationAcceptance(JsonNode raw, Instant receivedAt) { super(raw, receivedAt); }

    /** {@code invitationId}, {@code organization}, {@code role}, {@code roleId}, {@code permissions}, {@code joinedAt}. */
    public Map<String, Object> invitation() { return map("invitation"); }
    public String organizationId() { JsonNode o = node("organization"); return o == null ? null : o.path("id").asText(null); }
    public String role() { return text("role"); }
}
