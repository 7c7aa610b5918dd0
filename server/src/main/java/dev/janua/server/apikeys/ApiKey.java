package dev.janua.server.apikeys;

import java.time.Instant;
import java.util.List;

/** An API key's record; the secret itself is never stored, only its SHA-256 and a short prefix to recognise it. */
public record ApiKey(String id, String organizationId, String name, String keyPrefix, List<String> permissions,
                     String createdBy, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt,
                     String revokedBy) {

    public String statusAt(Instant now) {
        if (revokedAt != null) return "revoked";
        return expiresAt != null && !now.isBefore(expiresAt) ? "expired" : "active";
    }
}
