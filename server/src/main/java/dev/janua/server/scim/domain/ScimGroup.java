package dev.janua.server.scim.domain;

import java.time.Instant;
import java.util.Objects;

/** A SCIM Group of one organization (RFC 7643 §4.2); {@code roleId} maps it onto a role its members hold. */
public record ScimGroup(String id, String organizationId, String displayName, String externalId, String roleId,
                        Instant createdAt, Instant updatedAt) {
    public ScimGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(displayName, "displayName");
    }
}
