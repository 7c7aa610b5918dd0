package dev.janua.server.organizations;

import java.util.List;

/**
 * An organization's policies. {@code sessionTimeout} (seconds) bounds members' sessions;
 * {@code allowedDomains} restricts invitations and self-signup; {@code mfaRequired} is stored now
 * and enforced by the MFA module through {@link OrganizationDirectory#mfaRequiredFor}.
 */
public record OrganizationSettings(boolean allowSelfSignup, boolean requireEmailVerification, String defaultRole,
                                   boolean ssoRequired, boolean mfaRequired, Integer sessionTimeout,
                                   List<String> allowedDomains, List<String> allowedIpRanges) {
    public OrganizationSettings {
        allowedDomains = allowedDomains == null ? List.of() : List.copyOf(allowedDomains);
        allowedIpRanges = allowedIpRanges == null ? List.of() : List.copyOf(allowedIpRanges);
    }

    public static OrganizationSettings defaults() {
        return new OrganizationSettings(false, false, "member", false, false, null, List.of(), List.of());
    }

    /** With no allowed domains every domain is allowed; otherwise the email's domain must be listed. */
    public boolean allowsEmail(String email) {
        if (allowedDomains.isEmpty()) return true;
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
        return allowedDomains.contains(domain);
    }
}
