package dev.janua.server.sso.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.janua.server.sso.app.SsoDraft;
import dev.janua.server.sso.domain.AttributeMapping;
import java.util.List;
import java.util.Map;

/** Request bodies of the SSO API, with the spellings the seeds and IdP consoles use. */
final class SsoRequests {
    private SsoRequests() {}

    record ConnectionBody(String provider, @JsonAlias({"type"}) String protocol, Boolean enabled,
                          @JsonAlias({"metadataUrl"}) String samlMetadataUrl,
                          @JsonAlias({"metadataXml", "samlMetadata", "metadata"}) String samlMetadataXml,
                          @JsonAlias({"entityId", "idpEntityID"}) String idpEntityId,
                          @JsonAlias({"ssoUrl", "samlSsoUrl"}) String idpSsoUrl,
                          @JsonAlias({"certificates", "x509Certificates"}) List<String> idpCertificates,
                          @JsonAlias({"issuer", "discoveryUrl"}) String oidcIssuer, String clientId, String clientSecret, String scopes,
                          AttributeMapping attributeMapping,
                          @JsonAlias({"roleMapping", "groupMapping"}) Map<String, String> groupRoleMapping,
                          @JsonAlias({"jit", "jitEnabled"}) Boolean jitProvisioning,
                          @JsonAlias({"updateUserOnSignIn", "syncOnSignIn"}) Boolean updateOnSignIn,
                          String defaultRole,
                          @JsonAlias({"idpInitiated", "allowIdpInitiatedLogin"}) Boolean allowIdpInitiated,
                          @JsonAlias({"allowedDomains"}) List<String> domains) {
        SsoDraft draft() {
            return new SsoDraft(provider, protocol, enabled, samlMetadataUrl, samlMetadataXml, idpEntityId, idpSsoUrl, idpCertificates,
                    oidcIssuer, clientId, clientSecret, scopes, attributeMapping, groupRoleMapping, jitProvisioning, updateOnSignIn,
                    defaultRole, allowIdpInitiated, domains);
        }
    }

    record DomainBody(String domain) {}

    /** {@code POST /sso/saml} and {@code /sso/oidc}: which organization (directly, or by an email's verified domain) and where to resume. */
    record StartBody(String organizationId, String email, @JsonAlias({"RelayState", "returnTo", "return_to"}) String relayState) {}
}
