package dev.janua.server.webhooks.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** Webhook signing secrets: generated as {@code whsec_<base64 of 32 random bytes>}, or given by the customer. */
public final class WebhookSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {}

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** Why a given secret is refused, or empty: {@code whsec_} + base64 of 24–64 bytes, or any 16–128 characters. */
    public static Optional<String> refuse(String secret) {
        if (secret.startsWith("whsec_")) {
            try {
                int n = Base64.getDecoder().decode(secret.substring(6)).length;
                return n >= 24 && n <= 64 ? Optional.empty() : Optional.of("whsec_ key must be 24 to 64 bytes");
            } catch (IllegalArgumentException e) {
                return Optional.of("whsec_ secret must be base64 after the prefix");
            }
        }
        int len = secret.codePointCount(0, secret.length());
        return len >= 16 && len <= 128 ? Optional.empty() : Optional.of("must be 16 to 128 characters");
    }
}
