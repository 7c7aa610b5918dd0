package dev.janua.server.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 under a server key derived from the master key, one key per purpose. For values
 * that must be looked up or compared without being stored: high-entropy codes (backup codes) and
 * identifiers that must not be readable at rest (the emails of failed sign-ins without an account).
 * Without the master key a stolen digest cannot be tested against guesses.
 */
public final class KeyedHash {
    private final SecretKeySpec key;

    KeyedHash(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The keyed hash of one purpose; {@code purpose} names it (e.g. {@code "mfa-backup-code"}). */
    public static KeyedHash forPurpose(SecretBox box, String purpose) {
        return new KeyedHash(box.subkey(purpose));
    }

    public String hex(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 missing from the JDK", e);
        }
    }
}
