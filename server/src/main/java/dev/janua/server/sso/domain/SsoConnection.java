package dev.janua.server.sso.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An organization's enterprise identity provider: a SAML 2.0 IdP or an OpenID Connect provider,
 * how its users' attributes map onto Janua's profile and roles, and what happens to someone the
 * organization does not know yet (JIT provisioning with {@code defaultRole}).
 */
public record SsoConnection(String id, String organizationId, SsoProtocol protocol, String provider, boolean enabled,
                            String metadataUrl, String metadataXml, IdpDescriptor idp, Instant metadataRefreshedAt,
                            String metadataError, OidcClient oidc, AttributeMapping attributeMapping,
                            Map<String, String> groupRoleMapping, boolean jitProvisioning, boolean updateOnSignIn,
                            String defaultRole, boolean allowIdpInitiated, String createdBy, Instant createdAt, Instant updatedAt) {
    public SsoConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(attributeMapping, "attributeMapping");
        // insertion order matters: the first mapped group a person belongs to decides their role
        groupRoleMapping = groupRoleMapping == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groupRoleMapping));
    }

    /**
     * What Janua knows of a SAML IdP from its metadata: entity id (the expected {@code Issuer}), the
     * single sign-on URL (HTTP-Redirect binding) and every signing certificate listed (base64 DER),
     * so an IdP that publishes its next certificate before switching keeps working through a rollover.
     */
    public record IdpDescriptor(String entityId, String ssoUrl, List<String> certificates) {
        public IdpDescriptor {
            certificates = certificates == null ? List.of() : List.copyOf(certificates);
        }
    }

    /** An OIDC enterprise connection's client registration; the secret stays sealed under the master key. */
    public record OidcClient(String issuer, String clientId, String sealedClientSecret, String scopes) {}

    public boolean isSaml() {
        return protocol == SsoProtocol.SAML;
    }
}
