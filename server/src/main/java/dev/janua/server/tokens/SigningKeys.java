package dev.janua.server.tokens;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * Janua's signing keys as other modules use them: the OpenID Provider signs ID tokens and its
 * access tokens with the active key, so the one JWKS ({@code /.well-known/jwks.json}) verifies
 * everything Janua signs.
 */
public interface SigningKeys {
    JWSAlgorithm algorithm();

    /** The active private key (with its {@code kid}). */
    JWK activeSigningKey();

    /** Every key still published: the active one and retired ones whose tokens may still be live. */
    JWKSet publishedKeys();
}
