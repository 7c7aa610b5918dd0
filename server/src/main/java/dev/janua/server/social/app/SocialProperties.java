package dev.janua.server.social.app;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.oauth.*}: providers configured by environment ({@code JANUA_OAUTH_PROVIDERS_GOOGLE_CLIENT_ID},
 * {@code …_CLIENT_SECRET}, {@code …_ISSUER}, …; the map key is the provider's slug, its kind defaults to
 * the slug) and {@code redirectUris}, application return URLs accepted besides the redirect URIs of
 * registered applications (exact strings, {@code JANUA_OAUTH_REDIRECT_URIS}).
 */
@ConfigurationProperties("janua.oauth")
public record SocialProperties(@DefaultValue Map<String, EnvProvider> providers, @DefaultValue List<String> redirectUris) {

    /** One provider from the environment; read-only (the admin API cannot change or delete it). */
    public record EnvProvider(String kind, String clientId, String clientSecret, String displayName, @DefaultValue("true") boolean enabled,
                              String issuer, String authorizationUrl, String tokenUrl, String userinfoUrl, String jwksUrl,
                              List<String> scopes, Map<String, String> claimMapping, String teamId, String keyId, String tenant,
                              String emailsUrl, String tokenEndpointAuthMethod) {}
}
