package dev.janua.server.sso;

import java.util.List;
import java.util.Optional;

/** What other modules may read about an organization's SSO (GraphQL's {@code Organization.ssoConfiguration}). */
public interface SsoDirectory {
    /** The connection's provider, whether it is enabled, and the organization's verified domains; empty without a connection. */
    Optional<Summary> summaryOf(String organizationId);

    record Summary(String provider, String protocol, boolean enabled, List<String> verifiedDomains) {}
}
