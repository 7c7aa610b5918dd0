package dev.janua.server.tokens;

import java.time.Instant;

/** Issues and verifies Janua's access JWTs (RS256 by default, ES256 selectable). */
public interface AccessTokens {
    IssuedAccessToken issue(String userId, String sessionId);

    /** The {@code iss} of tokens this server issues. */
    String issuer();

    /** Verifies signature, algorithm, type, issuer, audience and times; throws {@code INVALID_TOKEN}. */
    VerifiedAccessToken verify(String token);

    record IssuedAccessToken(String token, String tokenId, Instant expiresAt, long expiresInSeconds) {}

    record VerifiedAccessToken(String userId, String sessionId, String tokenId, Instant expiresAt) {}
}
