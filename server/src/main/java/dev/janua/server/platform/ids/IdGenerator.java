package dev.janua.server.platform.ids;

import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Prefixed, time-ordered, opaque ids ({@code usr_01JD…}): 48 bits of milliseconds then 80 random
 * bits in Crockford base32 (the ULID layout), so ids sort by creation time and serve as cursors.
 */
@Component
public final class IdGenerator {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public IdGenerator(Clock clock) {
        this.clock = clock;
    }

    public String next(String prefix) {
        long millis = clock.millis();
        byte[] rnd = new byte[10];
        random.nextBytes(rnd);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 random bits → 16 base32 characters
        long hi = ((rnd[0] & 0xffL) << 32) | ((rnd[1] & 0xffL) << 24) | ((rnd[2] & 0xffL) << 16) | ((rnd[3] & 0xffL) << 8) | (rnd[4] & 0xffL);
        long lo = ((rnd[5] & 0xffL) << 32) | ((rnd[6] & 0xffL) << 24) | ((rnd[7] & 0xffL) << 16) | ((rnd[8] & 0xffL) << 8) | (rnd[9] & 0xffL);
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return prefix + "_" + new String(out);
    }
}
