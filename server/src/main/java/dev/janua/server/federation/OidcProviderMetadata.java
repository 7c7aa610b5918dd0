package dev.janua.server.federation;

import java.util.List;

/**
 * What a relying party needs from an OpenID Provider's discovery document (OIDC Discovery 1.0 §3).
 * {@code userinfoEndpoint} may be null; the list fields are empty when the provider does not say.
 */
public record OidcProviderMetadata(String issuer, String authorizationEndpoint, String tokenEndpoint, String userinfoEndpoint,
                                   String jwksUri, List<String> idTokenSigningAlgs, List<String> codeChallengeMethods,
                                   List<String> tokenEndpointAuthMethods) {
    public OidcProviderMetadata {
        idTokenSigningAlgs = idTokenSigningAlgs == null ? List.of() : List.copyOf(idTokenSigningAlgs);
        codeChallengeMethods = codeChallengeMethods == null ? List.of() : List.copyOf(codeChallengeMethods);
        tokenEndpointAuthMethods = tokenEndpointAuthMethods == null ? List.of() : List.copyOf(tokenEndpointAuthMethods);
    }

    /** Whether PKCE S256 is advertised (RFC 8414 §2); many providers accept it without saying so. */
    public boolean advertisesS256() {
        return codeChallengeMethods.contains("S256");
    }
}
