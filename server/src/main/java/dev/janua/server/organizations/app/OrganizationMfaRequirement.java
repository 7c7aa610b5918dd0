package dev.janua.server.organizations.app;

import dev.janua.server.mfa.MfaRequirement;
import dev.janua.server.organizations.OrganizationDirectory;
import org.springframework.stereotype.Component;

/** An organization with {@code settings.mfaRequired} makes a second factor mandatory for its members. */
@Component
class OrganizationMfaRequirement implements MfaRequirement {
    private final OrganizationDirectory organizations;

    OrganizationMfaRequirement(OrganizationDirectory organizations) {
        this.organizations = organizations;
    }

    @Override
    public boolean requiredFor(String userId) {
        return organizations.mfaRequiredFor(userId);
    }
}
