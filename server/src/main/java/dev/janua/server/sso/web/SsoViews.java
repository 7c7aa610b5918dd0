package dev.janua.server.sso.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.sso.app.Certificates;
import dev.janua.server.sso.app.SamlServiceProvider;
import dev.janua.server.sso.domain.AttributeMapping;
import dev.janua.server.sso.domain.DomainNames;
import dev.janua.server.sso.domain.SsoConnection;
import dev.janua.server.sso.persistence.JdbcSsoDomains.DomainClaim;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the SSO API (and what the console's SSO page shows). Secrets never leave: an
 * OIDC client secret shows as {@code clientSecretSet}.
 */
public final class SsoViews {
    private SsoViews() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConnectionView(String id, String organizationId, String provider, String protocol, boolean enabled,
                          String samlMetadataUrl, String idpEntityId, String idpSsoUrl, List<CertificateView> idpCertificates,
                          Instant metadataRefreshedAt, String metadataError, String oidcIssuer, String clientId, Boolean clientSecretSet,
                          String scopes, AttributeMapping attributeMapping, Map<String, String> groupRoleMapping,
                          boolean jitProvisioning, boolean updateOnSignIn, String defaultRole, boolean allowIdpInitiated,
                          ServiceProviderView serviceProvider, List<DomainView> domains, Instant createdAt, Instant updatedAt) {}

    public record CertificateView(String sha256Fingerprint, String subject, Instant notBefore, Instant notAfter) {}

    /** What the IdP admin types into Okta / Entra ID / Google: Janua's side of the trust. */
    public record ServiceProviderView(String entityId, String acsUrl, String metadataUrl, String loginUrl) {}

    public record DomainView(String domain, boolean verified, Instant verifiedAt, String txtRecordName, String txtRecordValue, Instant createdAt) {
        public static DomainView of(DomainClaim d) {
            return new DomainView(d.domain(), d.verified(), d.verifiedAt(), DomainNames.TXT_PREFIX + d.domain(),
                    DomainNames.TXT_VALUE_PREFIX + d.verificationToken(), d.createdAt());
        }
    }

    public static ConnectionView of(SsoConnection c, List<DomainClaim> domains, SamlServiceProvider sp, String base) {
        String org = c.organizationId();
        ServiceProviderView spView = c.isSaml()
                ? new ServiceProviderView(sp.entityId(org), sp.acsUrl(org), sp.entityId(org), base + "/api/v1/sso/saml/" + org + "/login")
                : new ServiceProviderView(null, base + "/api/v1/sso/oidc/" + org + "/callback", null, base + "/api/v1/sso/oidc/" + org + "/login");
        List<CertificateView> certs = c.idp() == null ? null : c.idp().certificates().stream().map(SsoViews::certificate).toList();
        return new ConnectionView(c.id(), org, c.provider(), c.protocol().wire(), c.enabled(), c.metadataUrl(),
                c.idp() == null ? null : c.idp().entityId(), c.idp() == null ? null : c.idp().ssoUrl(), certs,
                c.metadataRefreshedAt(), c.metadataError(), c.oidc() == null ? null : c.oidc().issuer(),
                c.oidc() == null ? null : c.oidc().clientId(), c.oidc() == null ? null : c.oidc().sealedClientSecret() != null,
                c.oidc() == null ? null : c.oidc().scopes(), c.attributeMapping(), c.groupRoleMapping(), c.jitProvisioning(),
                c.updateOnSignIn(), c.defaultRole(), c.allowIdpInitiated(), spView, domains.stream().map(DomainView::of).toList(),
                c.createdAt(), c.updatedAt());
    }

    private static CertificateView certificate(String b64) {
        X509Certificate x = Certificates.parse(b64);
        return new CertificateView(Certificates.sha256Fingerprint(b64), x.getSubjectX500Principal().getName(),
                x.getNotBefore().toInstant(), x.getNotAfter().toInstant());
    }
}
