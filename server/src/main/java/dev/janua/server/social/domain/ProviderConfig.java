package dev.janua.server.social.domain;

import dev.janua.server.federation.OAuthClient.AuthMethod;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One configured provider, secrets in clear (in memory only; sealed at rest). Endpoints left null
 * fall back to the {@link ProviderKind}'s documented ones.
 *
 * @param slug           the {@code {provider}} of the routes: {@code google}, or a generic provider's own name
 * @param organizationId null for a platform-wide provider
 * @param clientSecret   the client secret; for Apple the PEM of the private key that signs the client-secret JWT
 * @param claimMapping   generic OAuth 2.0: which userinfo field holds subject, email, emailVerified, firstName, lastName, name, picture
 * @param settings       provider specifics: Apple {@code teamId}, {@code keyId}; Microsoft {@code tenant}; GitHub {@code emailsUrl}
 * @param source         {@code environment} (read-only) or {@code admin}
 */
public record ProviderConfig(String id, String slug, ProviderKind kind, String organizationId, String displayName, boolean enabled,
                             String clientId, String clientSecret, String issuer, String authorizationUrl, String tokenUrl,
                             String userinfoUrl, String jwksUrl, List<String> scopes, Map<String, String> claimMapping,
                             Map<String, String> settings, String source) {
    public ProviderConfig {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(clientId, "clientId");
        scopes = scopes == null || scopes.isEmpty() ? kind.scopes : List.copyOf(scopes);
        claimMapping = claimMapping == null ? Map.of() : Map.copyOf(claimMapping);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public String name() {
        return displayName != null && !displayName.isBlank() ? displayName : kind.displayName;
    }

    public String effectiveIssuer() {
        if (issuer != null) return issuer;
        if (kind == ProviderKind.MICROSOFT) {
            String tenant = settings.getOrDefault("tenant", "common");
            return isMultiTenant(tenant) ? kind.issuer : "https://login.microsoftonline.com/" + tenant + "/v2.0";
        }
        return kind.issuer;
    }

    public String effectiveAuthorizationUrl() {
        return orMicrosoftTenant(authorizationUrl != null ? authorizationUrl : kind.authorizationUrl);
    }

    public String effectiveTokenUrl() {
        return orMicrosoftTenant(tokenUrl != null ? tokenUrl : kind.tokenUrl);
    }

    public String effectiveUserinfoUrl() {
        return userinfoUrl != null ? userinfoUrl : kind.userinfoUrl;
    }

    public String effectiveJwksUrl() {
        return orMicrosoftTenant(jwksUrl != null ? jwksUrl : kind.jwksUrl);
    }

    public AuthMethod authMethod() {
        String m = settings.get("tokenEndpointAuthMethod");
        if ("client_secret_post".equals(m)) return AuthMethod.CLIENT_SECRET_POST;
        if ("client_secret_basic".equals(m)) return AuthMethod.CLIENT_SECRET_BASIC;
        if ("none".equals(m)) return AuthMethod.NONE;
        return kind.authMethod;
    }

    public boolean pkce() {
        String p = settings.get("pkce");
        return p == null ? kind.pkce : Boolean.parseBoolean(p);
    }

    /**
     * Whether endpoints come from the issuer's discovery document: generic OIDC, Google and LinkedIn,
     * and Microsoft when its issuer was overridden (a fixed tenant or a test provider). Explicit
     * endpoints win over discovered ones.
     */
    public boolean discovers() {
        return kind == ProviderKind.OIDC || kind == ProviderKind.GOOGLE || kind == ProviderKind.LINKEDIN
                || (kind == ProviderKind.MICROSOFT && issuer != null);
    }

    private String orMicrosoftTenant(String url) {
        if (url == null || kind != ProviderKind.MICROSOFT) return url;
        return url.replace("/common/", "/" + settings.getOrDefault("tenant", "common") + "/");
    }

    private static boolean isMultiTenant(String tenant) {
        return tenant.equals("common") || tenant.equals("organizations") || tenant.equals("consumers");
    }
}
