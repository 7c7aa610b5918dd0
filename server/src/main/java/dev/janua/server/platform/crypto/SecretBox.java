package dev.janua.server.platform.crypto;

import dev.janua.server.platform.config.JanuaProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for secrets that must be recovered (signing keys, TOTP seeds, webhook secrets),
 * under the master key from {@code JANUA_MASTER_KEY} (32 bytes, base64 or hex). In development
 * a key is generated once into the data directory; production refuses to start without one.
 * Ciphertext layout: {@code v1.<base64(iv ‖ ciphertext ‖ tag)>}.
 */
@Component
public final class SecretBox {
    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final String GCM = "AES/GCM/NoPadding";
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    /**
     * The provider the JDK picks for AES-GCM, found once: {@code Cipher.getInstance(transformation)} walks the
     * provider list on every call, which was half of a refresh's sealing time (issue 16's profile).
     */
    private final Provider gcm;

    public SecretBox(JanuaProperties properties) {
        this.key = new SecretKeySpec(loadKey(properties), "AES");
        try {
            Cipher probe = Cipher.getInstance(GCM);
            probe.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
            this.gcm = probe.getProvider(); // after init: the provider that accepted this key
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM missing from the JDK", e);
        }
    }

    public String seal(String plaintext, String associatedData) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(GCM, gcm);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v1." + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String open(String sealed, String associatedData) {
        if (!sealed.startsWith("v1.")) throw new IllegalArgumentException("unknown secret format");
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(3));
            Cipher cipher = Cipher.getInstance(GCM, gcm);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong master key or tampered secret", e);
        }
    }

    /**
     * A key for one purpose derived from the master key (HMAC-SHA-256 of the label, the HKDF-Expand
     * step with a single block), so a keyed hash never uses the encryption key itself.
     */
    byte[] subkey(String label) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("janua/" + label + "\001").getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 missing from the JDK", e);
        }
    }

    static byte[] loadKey(JanuaProperties properties) {
        String configured = properties.masterKey().trim();
        if (!configured.isEmpty()) return parse(configured);
        if (properties.isProduction()) {
            throw new IllegalStateException("JANUA_MASTER_KEY is required when JANUA_ENV=production (32 bytes, base64 or hex)");
        }
        Path file = Path.of(properties.dataDir(), "master.key");
        try {
            if (Files.exists(file)) return parse(Files.readString(file).trim());
            Files.createDirectories(file.getParent());
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system: the file stays with default permissions
            }
            log.warn("No JANUA_MASTER_KEY set: generated a development master key at {}", file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    private static byte[] parse(String value) {
        byte[] bytes = value.matches("[0-9a-fA-F]{64}") ? HexFormat.of().parseHex(value) : Base64.getDecoder().decode(value);
        if (bytes.length != 32) throw new IllegalStateException("JANUA_MASTER_KEY must decode to 32 bytes, got " + bytes.length);
        return bytes;
    }
}
