package dev.janua.server.federation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange, RFC 7636: a 256-bit verifier (43 base64url characters, §4.1) and its
 * S256 challenge (§4.2). {@code plain} is never used.
 */
public final class Pkce {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pkce() {}

    public static String newVerifier() {
        return randomUrlSafe(32);
    }

    /** {@code BASE64URL(SHA256(ASCII(code_verifier)))} without padding (RFC 7636 §4.2). */
    public static String s256(String verifier) {
        if (verifier == null || !verifier.matches("[A-Za-z0-9\\-._~]{43,128}")) throw new IllegalArgumentException("invalid code_verifier");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code bytes} random bytes, base64url without padding: states, nonces, binding secrets. */
    public static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
