package dev.janua.server.organizations.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An invitation as the API shows it (never its secret). {@code inviteId} repeats {@code id} under
 * seed 002's name; {@code status} is pending, accepted, revoked or expired.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationView(String id, String inviteId, String organizationId, String email, String role, String roleId,
                             List<String> permissions, String message, String status, String invitedBy,
                             Instant createdAt, Instant expiresAt, int sentCount, Instant lastSentAt,
                             Instant acceptedAt, String acceptedBy, Instant revokedAt) {}
