package dev.janua.server.sso.app;

import dev.janua.server.sso.domain.AttributeMapping;
import java.util.List;
import java.util.Map;

/**
 * A connection as an admin writes it (seed 000's body plus what SAML and OIDC need). On update,
 * null fields keep their value. SAML: {@code samlMetadataUrl} (fetched now and refreshed), or
 * {@code samlMetadataXml}, or {@code idpEntityId} + {@code idpSsoUrl} + {@code idpCertificates}.
 * OIDC: {@code oidcIssuer}, {@code clientId}, {@code clientSecret}.
 */
public record SsoDraft(String provider, String protocol, Boolean enabled, String samlMetadataUrl, String samlMetadataXml,
                       String idpEntityId, String idpSsoUrl, List<String> idpCertificates, String oidcIssuer, String clientId,
                       String clientSecret, String scopes, AttributeMapping attributeMapping, Map<String, String> groupRoleMapping,
                       Boolean jitProvisioning, Boolean updateOnSignIn, String defaultRole, Boolean allowIdpInitiated,
                       List<String> domains) {}
