package dev.janua.server.oidc.app;

import dev.janua.server.oidc.domain.Application;
import dev.janua.server.oidc.domain.ApplicationType;
import dev.janua.server.oidc.persistence.JdbcApplications;
import dev.janua.server.tokens.SigningKeys;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Spring Authorization Server reads applications from the database through this, on every
 * request (no cache: a deleted application or a rotated secret takes effect at once, on every
 * node). PKCE is required for every authorization-code client (S256 is the only method the
 * server accepts); consent is skipped only for first-party applications; refresh tokens rotate
 * on every use.
 */
@Component
public class ApplicationClients implements RegisteredClientRepository {
    /** The application's organization id ("" for platform applications), for the tokens' {@code org_id}. */
    public static final String ORGANIZATION_SETTING = "janua.organization-id";
    private final JdbcApplications applications;
    private final SigningKeys keys;

    public ApplicationClients(JdbcApplications applications, SigningKeys keys) {
        this.applications = applications;
        this.keys = keys;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("applications are managed through the applications API");
    }

    @Override
    public RegisteredClient findById(String id) {
        return applications.find(id).map(this::toClient).orElse(null);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (clientId == null || clientId.length() > 100) return null;
        return applications.findByClientId(clientId).map(this::toClient).orElse(null);
    }

    RegisteredClient toClient(Application a) {
        RegisteredClient.Builder b = RegisteredClient.withId(a.id()).clientId(a.clientId()).clientName(a.name())
                .clientIdIssuedAt(a.createdAt());
        if (a.type() == ApplicationType.PUBLIC) {
            b.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            b.clientSecret(a.secretHash())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        a.grantTypes().forEach(g -> b.authorizationGrantType(new AuthorizationGrantType(g)));
        a.redirectUris().forEach(b::redirectUri);
        a.postLogoutRedirectUris().forEach(b::postLogoutRedirectUri);
        a.scopes().forEach(b::scope);
        b.clientSettings(ClientSettings.builder()
                .requireProofKey(a.grantTypes().contains("authorization_code"))
                .requireAuthorizationConsent(!a.firstParty())
                .setting(ORGANIZATION_SETTING, a.organizationId() == null ? "" : a.organizationId())
                .build());
        b.tokenSettings(TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(a.accessTokenTtl())
                .refreshTokenTimeToLive(a.refreshTokenTtl())
                .reuseRefreshTokens(false)
                .authorizationCodeTimeToLive(java.time.Duration.ofMinutes(1))
                .idTokenSignatureAlgorithm(SignatureAlgorithm.from(keys.algorithm().getName()))
                .build());
        return b.build();
    }
}
