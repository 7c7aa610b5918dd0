package dev.janua.server.federation;

import java.util.Objects;
import java.util.Set;

/**
 * What an ID token must say to be accepted (OIDC Core §3.1.3.7).
 *
 * @param issuer       the exact {@code iss}; may contain {@code {tenantid}}, replaced by the token's
 *                     {@code tid} claim (Microsoft's multi-tenant endpoints)
 * @param clientId     must be in {@code aud}; must equal {@code azp} when present
 * @param nonce        the nonce sent in the authorization request; null only for flows that sent none
 * @param jwksUri      where the provider publishes its signing keys
 * @param allowedAlgs  JWS algorithms accepted; {@code none} and HS* are refused whatever this says
 */
public record IdTokenExpectations(String issuer, String clientId, String nonce, String jwksUri, Set<String> allowedAlgs) {
    /** Asymmetric algorithms OpenID Providers use; RS256 is the one every provider must support. */
    public static final Set<String> DEFAULT_ALGS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

    public IdTokenExpectations {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(jwksUri, "jwksUri");
        allowedAlgs = allowedAlgs == null || allowedAlgs.isEmpty() ? DEFAULT_ALGS : Set.copyOf(allowedAlgs);
    }
}
