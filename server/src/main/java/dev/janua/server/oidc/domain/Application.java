package dev.janua.server.oidc.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A registered application (OAuth client). {@code secretHash} is the SHA-256 of the secret, never the secret.
 * {@code organizationId} is null for platform applications; otherwise the organization whose admins manage it.
 */
public record Application(String id, String clientId, String secretHash, String name, ApplicationType type,
                          List<String> redirectUris, List<String> postLogoutRedirectUris, Set<String> grantTypes,
                          Set<String> scopes, boolean firstParty, Duration accessTokenTtl, Duration refreshTokenTtl,
                          Instant createdAt, Instant updatedAt, String organizationId) {
    public Application {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(type, "type");
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        grantTypes = Set.copyOf(grantTypes);
        scopes = Set.copyOf(scopes);
    }
}
