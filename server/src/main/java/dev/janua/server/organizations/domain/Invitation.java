package dev.janua.server.organizations.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An invitation to join an organization. Stored status is pending, accepted or revoked; "expired"
 * is read from the clock, so an invitation expires without anything running.
 */
public record Invitation(String id, String organizationId, String email, String roleId, List<String> permissions,
                         String message, String status, String invitedBy, Instant createdAt, Instant expiresAt,
                         int ttlSeconds, int sentCount, Instant lastSentAt, Instant acceptedAt, String acceptedBy,
                         Instant revokedAt) {
    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String REVOKED = "revoked";
    public static final String EXPIRED = "expired";

    public String statusAt(Instant now) {
        return PENDING.equals(status) && !now.isBefore(expiresAt) ? EXPIRED : status;
    }

    public static String normalizeStatus(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
