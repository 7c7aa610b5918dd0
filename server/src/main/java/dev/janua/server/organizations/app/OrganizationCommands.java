package dev.janua.server.organizations.app;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/**
 * Request bodies of organization writes; keys arrive camelCase or snake_case. For updates, null
 * (or absent) leaves a field as it is, an empty string clears an optional text, and
 * {@code sessionTimeout: 0} removes the organization's timeout.
 */
public final class OrganizationCommands {
    private OrganizationCommands() {}

    public record OrganizationDraft(String name, String slug, String description, String domain,
                                    @JsonAlias({"logo", "logo_url"}) String logoUrl, String billingEmail,
                                    SettingsDraft settings, String ownerId) {}

    public record SettingsDraft(Boolean allowSelfSignup, Boolean requireEmailVerification, String defaultRole,
                                Boolean ssoRequired, Boolean mfaRequired, Integer sessionTimeout,
                                List<String> allowedDomains, List<String> allowedIpRanges) {}
}
