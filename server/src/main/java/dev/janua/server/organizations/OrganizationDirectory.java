package dev.janua.server.organizations;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What other modules may ask about organizations. */
public interface OrganizationDirectory {
    Optional<Organization> find(String organizationId);

    /** The shortest {@code sessionTimeout} among the user's organizations: their sessions end by then. */
    Optional<Duration> sessionTimeoutFor(String userId);

    /** Whether any of the user's organizations requires MFA (for the sign-in flow to enforce). */
    boolean mfaRequiredFor(String userId);

    /** The user's organizations (at most 100, by id) with role and effective permissions, for tokens' claims. */
    List<OrganizationGrant> grantsOf(String userId);

    /** Organizations where this user is the only owner: deleting the user would orphan them. */
    List<String> soleOwnerships(String userId);

    /** Throws 409 {@code LAST_OWNER} (with the organization ids) when {@link #soleOwnerships} is not empty. */
    void requireNotSoleOwner(String userId);
}
