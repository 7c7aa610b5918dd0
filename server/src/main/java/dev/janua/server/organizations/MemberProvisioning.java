package dev.janua.server.organizations;

import dev.janua.server.platform.web.ClientInfo;
import java.util.Optional;

/**
 * Memberships driven by the organization's own directory (SCIM): the organization, through a
 * credential it issued, adds and removes its people and sets their role. Unlike
 * {@code POST /organizations/{id}/members} there is no caller to authorize here — the SCIM module
 * has already tied the request to this organization — and no invitation: the account is one the
 * organization's directory created, or already a member. Every call joins the caller's
 * transaction and publishes the same {@code organization.member_*} events as the REST paths.
 */
public interface MemberProvisioning {
    Optional<Membership> find(String organizationId, String userId);

    /**
     * Adds the user with {@code roleRef} (a role id or key), or the organization's default role when
     * null; a user who is already a member is returned unchanged. Owners cannot be provisioned.
     */
    Membership join(String organizationId, String userId, String roleRef, String actorId, String source, ClientInfo client);

    /**
     * Sets the member's role ({@code roleRef} null: the organization's default role). Owners are left
     * as they are: a directory sync must never demote the people who administer the organization.
     * Returns false when nothing changed.
     */
    boolean assignRole(String organizationId, String userId, String roleRef, String actorId, ClientInfo client);

    /** Removes the membership (409 {@code LAST_OWNER} for the only owner); false when not a member. */
    boolean leave(String organizationId, String userId, String actorId, String reason, ClientInfo client);

    /** How many organizations the user belongs to (deprovisioning decides about the account with it). */
    long membershipCount(String userId);
}
