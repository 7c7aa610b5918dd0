package dev.janua.server.hosted;

import dev.janua.server.platform.web.ClientInfo;
import java.time.Instant;
import java.util.List;

/**
 * The applications a person has consented to, for the account page. Implemented by the OpenID
 * Provider, which stores consents and the authorizations issued under them.
 */
public interface GrantedApplications {
    record Grant(String applicationId, String name, List<String> scopes, Instant grantedAt) {}

    List<Grant> of(String userId);

    /**
     * Withdraws the person's consent to the application and revokes every authorization it holds
     * for them (codes, access, refresh and ID tokens). False when the person had no consent there
     * (another person's consent is never touched).
     */
    boolean revoke(String userId, String applicationId, ClientInfo client);
}
