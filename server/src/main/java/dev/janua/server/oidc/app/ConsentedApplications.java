package dev.janua.server.oidc.app;

import dev.janua.server.hosted.GrantedApplications;
import dev.janua.server.oidc.persistence.JdbcAuthorizations;
import dev.janua.server.oidc.persistence.JdbcConsents;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consents as the account page shows them, and their withdrawal: the consent row, every
 * authorization the application holds for the person (so its refresh and access tokens stop
 * working at once: introspection inactive, refresh {@code invalid_grant}, userinfo 401) and the
 * {@code oidc.consent_revoked} event, in one transaction. The next authorization request asks again.
 */
@Component
class ConsentedApplications implements GrantedApplications {
    private final JdbcConsents consents;
    private final JdbcAuthorizations authorizations;
    private final EventPublisher events;
    private final TransactionTemplate tx;

    ConsentedApplications(JdbcConsents consents, JdbcAuthorizations authorizations, EventPublisher events, TransactionTemplate tx) {
        this.consents = consents;
        this.authorizations = authorizations;
        this.events = events;
        this.tx = tx;
    }

    @Override
    public List<Grant> of(String userId) {
        return consents.ofPrincipal(userId).stream()
                .map(g -> new Grant(g.applicationId(), g.name(), scopes(g.authorities()), g.updatedAt()))
                .toList();
    }

    @Override
    public boolean revoke(String userId, String applicationId, ClientInfo client) {
        if (applicationId == null || applicationId.length() > 100) return false;
        return Boolean.TRUE.equals(tx.execute(t -> {
            // keyed by the person too: another person's consent to the same application is never found here
            if (!consents.delete(applicationId, userId)) return false;
            int revoked = authorizations.deleteFor(applicationId, userId);
            events.publish(DomainEvent.of("oidc.consent_revoked", applicationId, userId, Map.of("applicationId", applicationId,
                    "userId", userId, "authorizationsRevoked", revoked)), client);
            return true;
        }));
    }

    /** Stored authorities are {@code SCOPE_x}; the page shows the scopes. */
    private static List<String> scopes(String authorities) {
        return Arrays.stream(authorities.split(" ")).filter(a -> !a.isBlank())
                .map(a -> a.startsWith("SCOPE_") ? a.substring("SCOPE_".length()) : a).toList();
    }
}
