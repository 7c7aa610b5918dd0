package dev.janua.server.devices.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push, RFC 8291, in the {@code aes128gcm} content coding of RFC 8188,
 * with the JDK's ECDH, HMAC-SHA-256 and AES-GCM. One record: the push services' 4096-byte limit is
 * below any record size worth splitting at.
 */
public final class WebPushEncryption {
    /** RFC 8188 §2: the record size written in the header; a push message is one record below it. */
    static final int RECORD_SIZE = 4096;
    /** RFC 8291 §4: header (86) + tag (16) + delimiter (1) leave this much for the plaintext in 4096 bytes. */
    public static final int MAX_PLAINTEXT = 3993;
    private static final byte[] KEY_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);

    private final Supplier<KeyPair> ephemeralKeys;
    private final Supplier<byte[]> salts;

    public WebPushEncryption() {
        this(EcKeys::generate, () -> {
            byte[] s = new byte[16];
            new SecureRandom().nextBytes(s);
            return s;
        });
    }

    /** Fixed keys and salt reproduce RFC 8291 Appendix A; production draws fresh ones per message (§3.1). */
    public WebPushEncryption(Supplier<KeyPair> ephemeralKeys, Supplier<byte[]> salts) {
        this.ephemeralKeys = ephemeralKeys;
        this.salts = salts;
    }

    /**
     * Encrypts {@code plaintext} for the user agent whose subscription holds {@code uaPublic}
     * ({@code keys.p256dh}, 65 bytes) and {@code authSecret} ({@code keys.auth}, 16 bytes).
     */
    public byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) {
        if (plaintext.length > MAX_PLAINTEXT) throw new IllegalArgumentException("payload over " + MAX_PLAINTEXT + " bytes");
        if (authSecret == null || authSecret.length != 16) throw new IllegalArgumentException("auth secret must be 16 bytes");
        ECPublicKey ua = EcKeys.decodePoint(uaPublic);
        KeyPair as = ephemeralKeys.get();
        byte[] asPublic = EcKeys.encodePoint((ECPublicKey) as.getPublic());
        byte[] salt = salts.get();
        try {
            // §3.3: ecdh_secret = ECDH(as_private, ua_public); PRK_key = HMAC(auth_secret, ecdh_secret)
            KeyAgreement ka = KeyAgreement.getInstance("ECDH");
            ka.init((ECPrivateKey) as.getPrivate());
            ka.doPhase(ua, true);
            byte[] ecdhSecret = ka.generateSecret();
            // §3.4: IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0x00 || ua_public || as_public, 32)
            byte[] ikm = hkdf(authSecret, ecdhSecret, concat(KEY_INFO, uaPublic, asPublic), 32);
            // RFC 8188 §2.2, §2.3: CEK and NONCE from the salt and IKM
            byte[] cek = hkdf(salt, ikm, CEK_INFO, 16);
            byte[] nonce = hkdf(salt, ikm, NONCE_INFO, 12);
            // RFC 8188 §2: the last (only) record ends with the delimiter 0x02
            byte[] padded = Arrays.copyOf(plaintext, plaintext.length + 1);
            padded[plaintext.length] = 2;
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            byte[] ciphertext = c.doFinal(padded);
            // RFC 8188 §2.1 header: salt (16) || rs (uint32) || idlen (1) || keyid (as_public, §3.4 of RFC 8291)
            return ByteBuffer.allocate(16 + 4 + 1 + asPublic.length + ciphertext.length)
                    .put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Web Push encryption failed", e);
        }
    }

    /** HKDF-SHA-256 (RFC 5869) for outputs of at most one block, which is all RFC 8291 needs. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) b.put(p);
        return b.array();
    }
}
