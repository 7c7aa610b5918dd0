package dev.janua.server.oidc.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets are 256-bit random values, so a single SHA-256 is enough to store them safely (a
 * slow password hash buys nothing against a value nobody can guess, and would cost every token
 * request an Argon2 run). Compared in constant time.
 */
public final class ClientSecrets implements PasswordEncoder {
    public static final ClientSecrets INSTANCE = new ClientSecrets();

    private ClientSecrets() {}

    public static String hash(CharSequence secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return hash(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || rawPassword.length() > 200) return false;
        return MessageDigest.isEqual(hash(rawPassword).getBytes(StandardCharsets.US_ASCII),
                encodedPassword.getBytes(StandardCharsets.US_ASCII));
    }
}
