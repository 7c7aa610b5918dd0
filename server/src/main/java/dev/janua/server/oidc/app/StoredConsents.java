package dev.janua.server.oidc.app;

import dev.janua.server.oidc.persistence.JdbcConsents;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Consents in the database; granting and withdrawing one is an event ({@code oidc.consent_granted|revoked}). */
@Component
public class StoredConsents implements OAuth2AuthorizationConsentService {
    private final JdbcConsents store;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public StoredConsents(JdbcConsents store, EventPublisher events, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2AuthorizationConsent consent) {
        Set<String> authorities = new LinkedHashSet<>();
        for (GrantedAuthority a : consent.getAuthorities()) authorities.add(a.getAuthority());
        tx.executeWithoutResult(t -> {
            store.save(consent.getRegisteredClientId(), consent.getPrincipalName(), authorities, clock.instant());
            events.publish(DomainEvent.of("oidc.consent_granted", consent.getRegisteredClientId(), consent.getPrincipalName(),
                    Map.of("applicationId", consent.getRegisteredClientId(), "userId", consent.getPrincipalName(),
                            "scopes", List.copyOf(consent.getScopes()))), ClientInfo.none());
        });
    }

    @Override
    public void remove(OAuth2AuthorizationConsent consent) {
        tx.executeWithoutResult(t -> {
            if (store.delete(consent.getRegisteredClientId(), consent.getPrincipalName())) {
                events.publish(DomainEvent.of("oidc.consent_revoked", consent.getRegisteredClientId(), consent.getPrincipalName(),
                        Map.of("applicationId", consent.getRegisteredClientId(), "userId", consent.getPrincipalName())),
                        ClientInfo.none());
            }
        });
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return store.find(registeredClientId, principalName).map(authorities -> {
            OAuth2AuthorizationConsent.Builder b = OAuth2AuthorizationConsent.withId(registeredClientId, principalName);
            authorities.forEach(a -> b.authority(new SimpleGrantedAuthority(a)));
            return b.build();
        }).orElse(null);
    }
}
