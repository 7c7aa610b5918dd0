package dev.janua.server.passkeys.domain;

import java.util.Base64;

/** WebAuthn's JSON forms carry every binary value as base64url without padding (WebAuthn L3 §5.1.8). */
public final class Base64Url {
    private Base64Url() {}

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Accepts padded or unpadded base64url; anything else is {@link IllegalArgumentException}. */
    public static byte[] decode(String value) {
        return Base64.getUrlDecoder().decode(value.trim());
    }
}
