package dev.janua.server.organizations;

import dev.janua.server.platform.web.ClientInfo;
import java.time.Instant;
import java.util.List;

/**
 * Accepting an invitation, as the auth module's sign-up-by-invitation needs it. The token is the
 * single-use secret from the invitation email. Failures carry distinct codes:
 * {@code INVITATION_NOT_FOUND}, {@code INVITATION_EXPIRED}, {@code INVITATION_REVOKED},
 * {@code INVITATION_ALREADY_ACCEPTED}.
 */
public interface Invitations {
    /** The invitation a token stands for, if it can still be accepted. */
    Pending pending(String rawToken);

    /**
     * Accepts for {@code userId}, whose email must be the invited one; of concurrent accepts exactly
     * one succeeds. Joins the caller's transaction, so a sign-up and its membership commit together.
     */
    Accepted accept(String rawToken, String userId, ClientInfo client);

    record Pending(String invitationId, String organizationId, String organizationName, String email, String role,
                   String invitedBy, Instant expiresAt) {}

    record Accepted(String invitationId, OrganizationRef organization, String role, String roleId, List<String> permissions,
                    Instant joinedAt) {}

    record OrganizationRef(String id, String name, String slug) {}
}
