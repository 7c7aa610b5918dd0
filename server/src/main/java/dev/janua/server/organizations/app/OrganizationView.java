package dev.janua.server.organizations.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.organizations.Organization;
import dev.janua.server.organizations.OrganizationSettings;
import java.time.Instant;
import java.util.List;

/**
 * An organization as the API shows it. {@code userRole} and {@code userPermissions} describe the
 * caller's own standing and appear when the caller is a member.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationView(String id, String name, String slug, String description, String domain, String logoUrl,
                               String billingEmail, long memberCount, OrganizationSettings settings, String createdBy,
                               Instant createdAt, Instant updatedAt, String userRole, List<String> userPermissions) {

    public static OrganizationView of(Organization o, long memberCount, String userRole, List<String> userPermissions) {
        return new OrganizationView(o.id(), o.name(), o.slug(), o.description(), o.domain(), o.logoUrl(), o.billingEmail(),
                memberCount, o.settings(), o.createdBy(), o.createdAt(), o.updatedAt(), userRole, userPermissions);
    }
}
