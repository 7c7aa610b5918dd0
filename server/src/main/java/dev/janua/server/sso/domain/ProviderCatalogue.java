package dev.janua.server.sso.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The identity providers Janua documents a setup for ({@code docs/enterprise-sso.md}), with the
 * protocols each offers and the attribute names it sends by default. Any other SAML 2.0 or OIDC
 * provider works as {@code saml} / {@code oidc}. Seed 000 spells Entra ID {@code azure_ad}.
 */
public final class ProviderCatalogue {
    public record Provider(String id, String name, List<SsoProtocol> protocols, AttributeMapping samlDefaults) {}

    private static final AttributeMapping CLAIMS = new AttributeMapping(
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
            "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups");
    private static final AttributeMapping PLAIN = new AttributeMapping("email", "firstName", "lastName", "groups");

    private static final List<Provider> ALL = List.of(
            new Provider("okta", "Okta", List.of(SsoProtocol.SAML, SsoProtocol.OIDC), PLAIN),
            new Provider("azure_ad", "Microsoft Entra ID (Azure AD)", List.of(SsoProtocol.SAML, SsoProtocol.OIDC), CLAIMS),
            new Provider("google_workspace", "Google Workspace", List.of(SsoProtocol.SAML, SsoProtocol.OIDC), PLAIN),
            new Provider("onelogin", "OneLogin", List.of(SsoProtocol.SAML, SsoProtocol.OIDC), PLAIN),
            new Provider("ping", "Ping Identity", List.of(SsoProtocol.SAML, SsoProtocol.OIDC), PLAIN),
            new Provider("jumpcloud", "JumpCloud", List.of(SsoProtocol.SAML, SsoProtocol.OIDC), PLAIN),
            new Provider("adfs", "Active Directory Federation Services", List.of(SsoProtocol.SAML), CLAIMS),
            new Provider("saml", "Any SAML 2.0 identity provider", List.of(SsoProtocol.SAML), PLAIN),
            new Provider("oidc", "Any OpenID Connect provider", List.of(SsoProtocol.OIDC), PLAIN));

    private ProviderCatalogue() {}

    public static List<Provider> all() {
        return ALL;
    }

    public static Optional<Provider> find(String id) {
        if (id == null) return Optional.empty();
        String key = id.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (key.equals("entra_id") || key.equals("entra") || key.equals("azure") || key.equals("microsoft")) key = "azure_ad";
        if (key.equals("google")) key = "google_workspace";
        String k = key;
        return ALL.stream().filter(p -> p.id().equals(k)).findFirst();
    }
}
