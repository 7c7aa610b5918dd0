package dev.janua.server.platform.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** 256-bit random secrets, base64url without padding, with a readable prefix ({@code rt_…}). */
@Component
public final class RandomTokens {
    private final SecureRandom random = new SecureRandom();

    public String next(String prefix) {
        return prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    public byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
