package dev.janua.server.scim.domain;

import java.time.Instant;
import java.util.Objects;

/** A bearer credential an organization's directory calls SCIM with; only its SHA-256 is stored. */
public record ScimToken(String id, String organizationId, String name, String tokenPrefix, String createdBy, Instant createdAt,
                        Instant lastUsedAt, Instant revokedAt) {
    public static final String SECRET_PREFIX = "scim";

    public ScimToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
