package dev.janua.server.sso.app;

import dev.janua.server.organizations.Organization;
import dev.janua.server.organizations.OrganizationDirectory;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.sso.SsoEnforcement;
import dev.janua.server.sso.domain.DomainNames;
import dev.janua.server.sso.domain.SsoConnection;
import dev.janua.server.sso.persistence.JdbcSsoConnections;
import dev.janua.server.sso.persistence.JdbcSsoDomains;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Email domain → organization → its enabled IdP: home-realm discovery and the {@code ssoRequired} rule. */
@Service
public class SsoRealms implements SsoEnforcement {
    private final JdbcSsoDomains domains;
    private final JdbcSsoConnections connections;
    private final OrganizationDirectory organizations;

    public SsoRealms(JdbcSsoDomains domains, JdbcSsoConnections connections, OrganizationDirectory organizations) {
        this.domains = domains;
        this.connections = connections;
        this.organizations = organizations;
    }

    @Override
    public void requireNonSsoSignInAllowed(String email) {
        realmOf(email).filter(Realm::ssoRequired).ifPresent(r -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("organizationId", r.organizationId());
            details.put("ssoUrl", r.loginPath());
            throw new JanuaException(ErrorCode.SSO_REQUIRED, details);
        });
    }

    @Override
    public Optional<Realm> realmOf(String email) {
        Optional<String> domain = DomainNames.ofEmail(email);
        if (domain.isEmpty()) return Optional.empty();
        Optional<String> org = domains.verifiedOwner(domain.get());
        if (org.isEmpty()) return Optional.empty();
        Optional<SsoConnection> c = connections.find(org.get()).filter(SsoConnection::enabled);
        if (c.isEmpty()) return Optional.empty();
        boolean required = organizations.find(org.get()).map(Organization::settings).map(s -> s.ssoRequired()).orElse(false);
        return Optional.of(new Realm(org.get(), c.get().protocol().wire(), loginPath(c.get()), required));
    }

    static String loginPath(SsoConnection c) {
        return "/api/v1/sso/" + c.protocol().wire() + "/" + c.organizationId() + "/login";
    }
}
