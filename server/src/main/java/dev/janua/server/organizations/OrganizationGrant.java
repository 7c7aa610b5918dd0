package dev.janua.server.organizations;

import java.util.List;

/** A user's standing in one organization, as tokens carry it: the role's key and the effective permissions. */
public record OrganizationGrant(String organizationId, String role, List<String> permissions) {
    public OrganizationGrant {
        permissions = List.copyOf(permissions);
    }
}
