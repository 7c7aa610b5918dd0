package dev.janua.server.scim.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What an organization's directory holds about one of its people beyond the Janua account
 * (RFC 7643 §4.1 and the enterprise extension, §4.3). {@code createdAccount}: the directory created
 * the account, so it may also change its profile and end it; otherwise it only manages the membership.
 */
public record ScimUser(String organizationId, String userId, String userName, String externalId, String displayName,
                       boolean active, String employeeNumber, String department, String managerId, boolean createdAccount,
                       Instant createdAt, Instant updatedAt) {
    public ScimUser {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userName, "userName");
    }
}
