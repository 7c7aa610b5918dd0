package dev.janua.server.mfa.domain;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 base32 (A–Z, 2–7) without padding: the alphabet authenticator apps expect for the
 * {@code secret} of an {@code otpauth://} URI. Decoding ignores case, spaces and '='.
 */
public final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {}

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        return out.toString();
    }

    public static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '=' || c == ' ' || c == '-') continue;
            int v = ALPHABET.indexOf(c);
            if (v < 0) throw new IllegalArgumentException("not base32: " + c);
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
