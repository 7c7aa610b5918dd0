package dev.janua.server.tokens;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.Optional;

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

    /**
     * The signer of the active key when {@code kid} names it (empty for any other key): the one Janua's own access
     * tokens use, RS256 by AWS-LC once it has loaded. Built once per key, not per token.
     */
    Optional<JWSSigner> activeSigner(String kid);
}
