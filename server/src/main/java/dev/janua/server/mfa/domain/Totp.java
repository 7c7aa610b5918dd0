package dev.janua.server.mfa.domain;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HOTP (<a href="https://www.rfc-editor.org/rfc/rfc4226#section-5.3">RFC 4226 §5.3</a>) and TOTP
 * (<a href="https://www.rfc-editor.org/rfc/rfc6238#section-4">RFC 6238 §4</a>): an HMAC of the
 * big-endian counter, dynamically truncated to {@code digits} decimal digits.
 */
public final class Totp {
    /** Janua's defaults (SECURITY.md): SHA-1, 6 digits, 30-second steps, T0 = 0. */
    public static final Totp DEFAULT = new Totp(Algorithm.SHA1, 6, 30);
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    public enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String jca;

        Algorithm(String jca) {
            this.jca = jca;
        }
    }

    private final Algorithm algorithm;
    private final int digits;
    private final long stepSeconds;

    public Totp(Algorithm algorithm, int digits, long stepSeconds) {
        this.algorithm = Objects.requireNonNull(algorithm);
        if (digits < 6 || digits > 8) throw new IllegalArgumentException("digits must be 6 to 8");
        if (stepSeconds < 1) throw new IllegalArgumentException("step must be positive");
        this.digits = digits;
        this.stepSeconds = stepSeconds;
    }

    public int digits() {
        return digits;
    }

    public long stepSeconds() {
        return stepSeconds;
    }

    /** The time step T = floor((unix time − T0) / X) with T0 = 0. */
    public long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), stepSeconds);
    }

    public String totp(byte[] secret, Instant at) {
        return hotp(secret, step(at));
    }

    public String hotp(byte[] secret, long counter) {
        try {
            Mac mac = Mac.getInstance(algorithm.jca);
            mac.init(new SecretKeySpec(secret, algorithm.jca));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16)
                    | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
            String code = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - code.length()) + code;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }

    /**
     * The step within {@code ±window} of {@code at} whose code equals {@code code}, or -1. Every
     * candidate is computed and compared in constant time, so timing does not tell which matched.
     */
    public long matchingStep(byte[] secret, String code, Instant at, int window) {
        if (code == null || code.length() != digits || !code.chars().allMatch(Character::isDigit)) return -1;
        long now = step(at);
        long found = -1;
        for (long s = now - window; s <= now + window; s++) {
            if (java.security.MessageDigest.isEqual(hotp(secret, s).getBytes(), code.getBytes()) && found < 0) found = s;
        }
        return found;
    }
}
