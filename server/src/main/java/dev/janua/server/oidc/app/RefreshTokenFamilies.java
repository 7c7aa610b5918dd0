package dev.janua.server.oidc.app;

import dev.janua.server.oidc.persistence.JdbcRefreshFamilies;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The refresh-token grant with Janua's rotation rules (docs/tokens.md, RFC 9700 §4.14.2), around
 * Spring Authorization Server's own provider, which only rotates. Before the server rotates a
 * token, the token is claimed by inserting its hash into {@code oidc_spent_refresh_tokens}: of N
 * concurrent redemptions exactly one claims it and is served. A token presented after it was spent:
 * <ul>
 *   <li>within the reuse grace window ({@code janua.sessions.refresh-reuse-grace}) — a client racing
 *       itself — is refused ({@code invalid_grant}) and nothing is revoked (unlike {@code /auth/refresh},
 *       the provider cannot answer the same successor: the server mints tokens itself);</li>
 *   <li>later, revokes the whole authorization (every token of the family) and records
 *       {@code oidc.refresh_token_reused}.</li>
 * </ul>
 * A redemption the server then refuses (another client's token, a scope not granted) gives the claim back.
 */
public final class RefreshTokenFamilies implements AuthenticationProvider {
    private final AuthenticationProvider delegate;
    private final JdbcRefreshFamilies store;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration grace;

    public RefreshTokenFamilies(AuthenticationProvider delegate, JdbcRefreshFamilies store, EventPublisher events,
                                TransactionTemplate tx, Clock clock, JanuaProperties properties) {
        this.delegate = delegate;
        this.store = store;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        Duration g = properties.sessions().refreshReuseGrace();
        this.grace = g == null || g.isNegative() ? Duration.ZERO : g;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((OAuth2RefreshTokenAuthenticationToken) authentication).getRefreshToken();
        if (token == null || token.isEmpty() || token.length() > 8192) throw invalidGrant();
        String hash = Hashes.sha256Hex(token);
        Optional<JdbcRefreshFamilies.Live> live = store.live(hash);
        if (live.isEmpty()) {
            store.spent(hash).ifPresent(this::reused);
            throw invalidGrant();
        }
        try {
            store.markSpent(hash, live.get().authorizationId(), clock.instant(), live.get().expiresAt());
        } catch (DuplicateKeyException lostTheRace) {
            throw invalidGrant();
        }
        try {
            return delegate.authenticate(authentication);
        } catch (RuntimeException refused) {
            store.unspend(hash);
            throw refused;
        }
    }

    private void reused(JdbcRefreshFamilies.Spent spent) {
        Instant now = clock.instant();
        if (!now.isAfter(spent.spentAt().plus(grace))) return;
        tx.executeWithoutResult(t -> {
            store.deleteAuthorization(spent.authorizationId()).ifPresent(owner ->
                    events.publish(DomainEvent.of("oidc.refresh_token_reused", owner.principalName(), null,
                            Map.of("authorizationId", spent.authorizationId(), "applicationId", owner.clientId(),
                                    "userId", owner.principalName())), ClientInfo.none()));
        });
    }

    private static OAuth2AuthenticationException invalidGrant() {
        return new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2RefreshTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
