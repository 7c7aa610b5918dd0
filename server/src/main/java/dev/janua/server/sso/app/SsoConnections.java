package dev.janua.server.sso.app;

import dev.janua.server.organizations.OrganizationAccess;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.rbac.RoleDirectory;
import dev.janua.server.sso.domain.AttributeMapping;
import dev.janua.server.sso.domain.ProviderCatalogue;
import dev.janua.server.sso.domain.SamlMetadata;
import dev.janua.server.sso.domain.SsoConnection;
import dev.janua.server.sso.domain.SsoConnection.IdpDescriptor;
import dev.janua.server.sso.domain.SsoConnection.OidcClient;
import dev.janua.server.sso.domain.SsoProtocol;
import dev.janua.server.sso.persistence.JdbcSsoConnections;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organization's SSO connection: create, read, change, delete (organization:update to write,
 * organization:read to read), each change and its event in one transaction. IdP metadata is fetched
 * and parsed before the transaction opens (no network call inside one).
 */
@Service
public class SsoConnections {
    private final JdbcSsoConnections store;
    private final OrganizationAccess access;
    private final RoleDirectory roles;
    private final MetadataSource metadata;
    private final SsoDomains domains;
    private final SecretBox secrets;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final TransactionTemplate tx;
    private final Clock clock;

    public SsoConnections(JdbcSsoConnections store, OrganizationAccess access, RoleDirectory roles, MetadataSource metadata,
                          SsoDomains domains, SecretBox secrets, EventPublisher events, IdGenerator ids, TransactionTemplate tx,
                          Clock clock) {
        this.store = store;
        this.access = access;
        this.roles = roles;
        this.metadata = metadata;
        this.domains = domains;
        this.secrets = secrets;
        this.events = events;
        this.ids = ids;
        this.tx = tx;
        this.clock = clock;
    }

    public SsoConnection get(Caller caller, String organizationId) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_READ);
        return store.find(organizationId).orElseThrow(() -> new JanuaException(ErrorCode.SSO_NOT_CONFIGURED));
    }

    /** The enabled connection of {@code protocol} sign-ins use; 404 SSO_NOT_CONFIGURED otherwise (no caller: the browser is anonymous). */
    public SsoConnection requireUsable(String organizationId, SsoProtocol protocol) {
        return store.find(organizationId).filter(SsoConnection::enabled).filter(c -> c.protocol() == protocol)
                .filter(c -> protocol != SsoProtocol.SAML || (c.idp() != null && !c.idp().certificates().isEmpty()))
                .orElseThrow(() -> new JanuaException(ErrorCode.SSO_NOT_CONFIGURED));
    }

    public Optional<SsoConnection> find(String organizationId) {
        return store.find(organizationId);
    }

    java.util.List<String> dueForRefresh(Instant before, int limit) {
        return store.dueForRefresh(before, limit);
    }

    /** {@code POST /organizations/{id}/sso}: 409 SSO_ALREADY_CONFIGURED when one exists (PUT/PATCH change it). */
    public SsoConnection create(Caller caller, String organizationId, SsoDraft d, ClientInfo client) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
        SsoProtocol protocol = protocolOf(d, null);
        String provider = providerOf(d.provider(), protocol);
        Resolved idp = protocol == SsoProtocol.SAML ? resolveSaml(d, null) : null;
        OidcClient oidc = protocol == SsoProtocol.OIDC ? oidcOf(d, null, organizationId) : null;
        checkRoles(organizationId, d);
        List<String> newDomains = domains.normalizeAll(d.domains());
        Instant now = clock.instant();
        SsoConnection c = new SsoConnection(ids.next("sso"), organizationId, protocol, provider, d.enabled() == null || d.enabled(),
                idp == null ? null : idp.url(), idp == null ? null : idp.xml(), idp == null ? null : idp.descriptor(),
                idp != null && idp.url() != null ? now : null, null, oidc,
                d.attributeMapping() == null ? AttributeMapping.defaults() : d.attributeMapping(), d.groupRoleMapping(),
                d.jitProvisioning() == null || d.jitProvisioning(), d.updateOnSignIn() == null || d.updateOnSignIn(),
                blankToNull(d.defaultRole()), Boolean.TRUE.equals(d.allowIdpInitiated()), caller.actorId(), now, now);
        return tx.execute(t -> {
            if (store.lock(organizationId).isPresent()) throw new JanuaException(ErrorCode.SSO_ALREADY_CONFIGURED);
            store.insert(c);
            domains.claimAll(organizationId, newDomains, caller.actorId(), client);
            events.publish(new DomainEvent("sso.configured", c.id(), caller.actorId(), organizationId, summary(c)), client);
            return c;
        });
    }

    /** PUT/PATCH: null fields keep their value; a new metadata source replaces the IdP's details and certificates. */
    public SsoConnection update(Caller caller, String organizationId, SsoDraft d, ClientInfo client) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
        SsoConnection before = store.find(organizationId).orElseThrow(() -> new JanuaException(ErrorCode.SSO_NOT_CONFIGURED));
        SsoProtocol protocol = protocolOf(d, before);
        boolean samlSourceChanged = d.samlMetadataUrl() != null || d.samlMetadataXml() != null || d.idpCertificates() != null
                || d.idpEntityId() != null || d.idpSsoUrl() != null;
        Resolved idp = protocol == SsoProtocol.SAML && (samlSourceChanged || before.protocol() != SsoProtocol.SAML)
                ? resolveSaml(d, before) : null;
        OidcClient oidc = protocol == SsoProtocol.OIDC ? oidcOf(d, before, organizationId) : null;
        checkRoles(organizationId, d);
        List<String> newDomains = domains.normalizeAll(d.domains());
        Instant now = clock.instant();
        return tx.execute(t -> {
            SsoConnection cur = store.lock(organizationId).orElseThrow(() -> new JanuaException(ErrorCode.SSO_NOT_CONFIGURED));
            boolean saml = protocol == SsoProtocol.SAML;
            SsoConnection after = new SsoConnection(cur.id(), organizationId, protocol,
                    d.provider() != null ? providerOf(d.provider(), protocol) : cur.provider(),
                    d.enabled() != null ? d.enabled() : cur.enabled(),
                    !saml ? null : idp != null ? idp.url() : cur.metadataUrl(),
                    !saml ? null : idp != null ? idp.xml() : cur.metadataXml(),
                    !saml ? null : idp != null ? idp.descriptor() : cur.idp(),
                    !saml ? null : idp != null ? (idp.url() != null ? now : null) : cur.metadataRefreshedAt(),
                    !saml ? null : idp != null ? null : cur.metadataError(),
                    saml ? null : oidc,
                    d.attributeMapping() != null ? d.attributeMapping() : cur.attributeMapping(),
                    d.groupRoleMapping() != null ? d.groupRoleMapping() : cur.groupRoleMapping(),
                    d.jitProvisioning() != null ? d.jitProvisioning() : cur.jitProvisioning(),
                    d.updateOnSignIn() != null ? d.updateOnSignIn() : cur.updateOnSignIn(),
                    d.defaultRole() != null ? blankToNull(d.defaultRole()) : cur.defaultRole(),
                    d.allowIdpInitiated() != null ? d.allowIdpInitiated() : cur.allowIdpInitiated(),
                    cur.createdBy(), cur.createdAt(), now);
            store.update(after);
            domains.claimAll(organizationId, newDomains, caller.actorId(), client);
            Map<String, Object> data = summary(after);
            data.put("changed", changed(cur, after));
            events.publish(new DomainEvent("sso.updated", after.id(), caller.actorId(), organizationId, data), client);
            return after;
        });
    }

    public void delete(Caller caller, String organizationId, ClientInfo client) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
        tx.executeWithoutResult(t -> {
            SsoConnection cur = store.lock(organizationId).orElseThrow(() -> new JanuaException(ErrorCode.SSO_NOT_CONFIGURED));
            store.delete(organizationId);
            events.publish(new DomainEvent("sso.deleted", cur.id(), caller.actorId(), organizationId, summary(cur)), client);
        });
    }

    /**
     * Fetches the metadata URL again and stores what changed (new certificates during a rollover).
     * A failed fetch keeps the last good metadata and records the error: sign-ins keep working.
     * Returns whether the certificates changed.
     */
    public boolean refreshMetadata(String organizationId) {
        SsoConnection c = store.find(organizationId).orElse(null);
        if (c == null || c.metadataUrl() == null || !c.isSaml()) return false;
        IdpDescriptor fresh = null;
        String xml = null;
        String error = null;
        try {
            xml = metadata.fetch(c.metadataUrl());
            fresh = SamlMetadata.parse(xml);
        } catch (JanuaException | IllegalArgumentException e) {
            error = e instanceof JanuaException je ? String.valueOf(je.details().get("reason")) : e.getMessage();
        }
        IdpDescriptor parsed = fresh;
        String fetchedXml = xml;
        String failure = error;
        Instant now = clock.instant();
        return Boolean.TRUE.equals(tx.execute(t -> {
            SsoConnection cur = store.lock(organizationId).orElse(null);
            if (cur == null || !c.metadataUrl().equals(cur.metadataUrl())) return false;
            IdpDescriptor idp = parsed != null ? parsed : cur.idp();
            SsoConnection after = new SsoConnection(cur.id(), cur.organizationId(), cur.protocol(), cur.provider(), cur.enabled(),
                    cur.metadataUrl(), parsed != null ? fetchedXml : cur.metadataXml(), idp, now,
                    failure == null ? null : truncate(failure), cur.oidc(), cur.attributeMapping(), cur.groupRoleMapping(),
                    cur.jitProvisioning(), cur.updateOnSignIn(), cur.defaultRole(), cur.allowIdpInitiated(), cur.createdBy(),
                    cur.createdAt(), parsed != null ? now : cur.updatedAt());
            store.update(after);
            boolean certsChanged = parsed != null && (cur.idp() == null || !cur.idp().certificates().equals(parsed.certificates()));
            if (certsChanged || (parsed != null && !parsed.equals(cur.idp()))) {
                Map<String, Object> data = summary(after);
                data.put("changed", List.of("idp"));
                data.put("source", "metadata_refresh");
                events.publish(new DomainEvent("sso.updated", after.id(), null, organizationId, data), ClientInfo.none());
            }
            return certsChanged;
        }));
    }

    private record Resolved(String url, String xml, IdpDescriptor descriptor) {}

    private Resolved resolveSaml(SsoDraft d, SsoConnection before) {
        if (d.samlMetadataUrl() != null && !d.samlMetadataUrl().isBlank()) {
            String xml = metadata.fetch(d.samlMetadataUrl());
            return new Resolved(d.samlMetadataUrl().trim(), xml, parse(xml, "samlMetadataUrl"));
        }
        if (d.samlMetadataXml() != null && !d.samlMetadataXml().isBlank()) {
            return new Resolved(null, d.samlMetadataXml(), parse(d.samlMetadataXml(), "samlMetadataXml"));
        }
        if (d.idpEntityId() != null || d.idpSsoUrl() != null || d.idpCertificates() != null) {
            IdpDescriptor b = before == null ? null : before.idp();
            String entityId = d.idpEntityId() != null ? d.idpEntityId() : b == null ? null : b.entityId();
            String ssoUrl = d.idpSsoUrl() != null ? d.idpSsoUrl() : b == null ? null : b.ssoUrl();
            List<String> certs = d.idpCertificates() != null ? Certificates.normalize(d.idpCertificates()) : b == null ? List.of() : b.certificates();
            if (entityId == null || entityId.isBlank()) throw MetadataSource.invalid("idpEntityId", "required");
            if (ssoUrl == null || !(ssoUrl.startsWith("https://") || ssoUrl.startsWith("http://"))) throw MetadataSource.invalid("idpSsoUrl", "required");
            if (certs.isEmpty()) throw MetadataSource.invalid("idpCertificates", "at least one signing certificate");
            return new Resolved(null, null, new IdpDescriptor(entityId.trim(), ssoUrl.trim(), certs));
        }
        throw MetadataSource.invalid("samlMetadataUrl", "samlMetadataUrl, samlMetadataXml or idpEntityId/idpSsoUrl/idpCertificates required");
    }

    private static IdpDescriptor parse(String xml, String field) {
        try {
            IdpDescriptor idp = SamlMetadata.parse(xml);
            Certificates.normalize(idp.certificates());
            return idp;
        } catch (IllegalArgumentException e) {
            throw MetadataSource.invalid(field, e.getMessage());
        }
    }

    private OidcClient oidcOf(SsoDraft d, SsoConnection before, String organizationId) {
        OidcClient b = before == null ? null : before.oidc();
        String issuer = d.oidcIssuer() != null ? d.oidcIssuer().trim() : b == null ? null : b.issuer();
        String clientId = d.clientId() != null ? d.clientId().trim() : b == null ? null : b.clientId();
        String sealed = d.clientSecret() != null ? secrets.seal(d.clientSecret(), "sso:" + organizationId)
                : b == null ? null : b.sealedClientSecret();
        String scopes = d.scopes() != null ? d.scopes().trim() : b == null ? "openid email profile" : b.scopes();
        if (issuer == null || !issuer.startsWith("https://") && !issuer.startsWith("http://")) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "oidcIssuer", "reason", "required"));
        }
        if (clientId == null || clientId.isEmpty()) throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "clientId", "reason", "required"));
        if (sealed == null) throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "clientSecret", "reason", "required"));
        return new OidcClient(issuer, clientId, sealed, scopes);
    }

    /** The OIDC client secret in clear, for the token request only. */
    public String clientSecret(SsoConnection c) {
        return secrets.open(c.oidc().sealedClientSecret(), "sso:" + c.organizationId());
    }

    private void checkRoles(String organizationId, SsoDraft d) {
        List<String> refs = new ArrayList<>();
        if (d.defaultRole() != null && !d.defaultRole().isBlank()) refs.add(d.defaultRole());
        if (d.groupRoleMapping() != null) refs.addAll(d.groupRoleMapping().values());
        for (String ref : refs) {
            var role = ref == null ? java.util.Optional.<dev.janua.server.rbac.Role>empty() : roles.find(organizationId, ref);
            if (role.isEmpty()) throw new JanuaException(ErrorCode.ROLE_NOT_FOUND, Map.of("role", String.valueOf(ref)));
            // ownership is handed over by an owner, never by an IdP's group claim
            if (dev.janua.server.rbac.SystemRole.OWNER.id().equals(role.get().id())) {
                throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "groupRoleMapping", "reason", "owner cannot be granted by SSO"));
            }
        }
    }

    private static SsoProtocol protocolOf(SsoDraft d, SsoConnection before) {
        if (d.protocol() != null) {
            return SsoProtocol.parse(d.protocol()).orElseThrow(() ->
                    new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "protocol", "reason", "saml or oidc")));
        }
        if (d.oidcIssuer() != null || d.clientId() != null) return SsoProtocol.OIDC;
        if (before != null) return before.protocol();
        if ("oidc".equalsIgnoreCase(d.provider())) return SsoProtocol.OIDC;
        return SsoProtocol.SAML;
    }

    private static String providerOf(String raw, SsoProtocol protocol) {
        if (raw == null || raw.isBlank()) return protocol.wire();
        ProviderCatalogue.Provider p = ProviderCatalogue.find(raw).orElseThrow(() ->
                new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "provider", "reason", "unknown provider")));
        if (!p.protocols().contains(protocol)) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "protocol", "reason", p.id() + " does not offer " + protocol.wire()));
        }
        return p.id();
    }

    private static Map<String, Object> summary(SsoConnection c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("organizationId", c.organizationId());
        data.put("connectionId", c.id());
        data.put("protocol", c.protocol().wire());
        data.put("provider", c.provider());
        data.put("enabled", c.enabled());
        data.put("idpEntityId", c.idp() == null ? null : c.idp().entityId());
        data.put("certificateCount", c.idp() == null ? 0 : c.idp().certificates().size());
        data.put("oidcIssuer", c.oidc() == null ? null : c.oidc().issuer());
        data.put("jitProvisioning", c.jitProvisioning());
        data.put("allowIdpInitiated", c.allowIdpInitiated());
        return data;
    }

    private static List<String> changed(SsoConnection a, SsoConnection b) {
        List<String> out = new ArrayList<>();
        if (a.protocol() != b.protocol()) out.add("protocol");
        if (!a.provider().equals(b.provider())) out.add("provider");
        if (a.enabled() != b.enabled()) out.add("enabled");
        if (!java.util.Objects.equals(a.idp(), b.idp())) out.add("idp");
        if (!java.util.Objects.equals(a.oidc(), b.oidc())) out.add("oidc");
        if (!a.attributeMapping().equals(b.attributeMapping())) out.add("attributeMapping");
        if (!a.groupRoleMapping().equals(b.groupRoleMapping())) out.add("groupRoleMapping");
        if (a.jitProvisioning() != b.jitProvisioning()) out.add("jitProvisioning");
        if (a.updateOnSignIn() != b.updateOnSignIn()) out.add("updateOnSignIn");
        if (!java.util.Objects.equals(a.defaultRole(), b.defaultRole())) out.add("defaultRole");
        if (a.allowIdpInitiated() != b.allowIdpInitiated()) out.add("allowIdpInitiated");
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String truncate(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
