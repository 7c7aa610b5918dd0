package dev.janua.server.devices;

import dev.janua.server.devices.domain.EcKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser's side of Web Push, written for the tests from RFC 8291 §3 and RFC 8188 §2 (apart
 * from the server's code): a subscription's keys, and decryption of what the push service received.
 */
public final class WebPushReceiver {
    private final ECPrivateKey privateKey;
    private final byte[] publicKey;
    private final byte[] auth;

    public WebPushReceiver() {
        KeyPair pair = EcKeys.generate();
        this.privateKey = (ECPrivateKey) pair.getPrivate();
        this.publicKey = EcKeys.encodePoint((ECPublicKey) pair.getPublic());
        this.auth = new byte[16];
        new SecureRandom().nextBytes(auth);
    }

    public WebPushReceiver(byte[] privateScalar, byte[] publicKey, byte[] auth) {
        this.privateKey = EcKeys.decodeScalar(privateScalar);
        this.publicKey = publicKey;
        this.auth = auth;
    }

    /** {@code JSON.stringify(pushSubscription)} for an endpoint. */
    public String subscription(String endpoint) {
        return "{\"endpoint\":\"" + endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\"" + b64(publicKey) + "\",\"auth\":\"" + b64(auth)
                + "\"}}";
    }

    public String decryptToString(byte[] message) throws Exception {
        return new String(decrypt(message), StandardCharsets.UTF_8);
    }

    public byte[] decrypt(byte[] message) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(message);
        byte[] salt = new byte[16];
        in.get(salt);
        int rs = in.getInt();
        byte[] keyId = new byte[in.get() & 0xff];
        in.get(keyId);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (ciphertext.length > rs) throw new IllegalArgumentException("more than one record");
        // RFC 8291 §3.4: keyid is the sender's ephemeral public key
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(privateKey);
        ka.doPhase(EcKeys.decodePoint(keyId), true);
        byte[] ecdh = ka.generateSecret();
        byte[] prkKey = hmac(auth, ecdh);
        byte[] ikm = hmac(prkKey, cat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), publicKey, keyId, new byte[] {1}));
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, cat("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, cat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1})), 12);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = c.doFinal(ciphertext);
        // RFC 8188 §2: strip the zero padding, then the last-record delimiter 2
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) end--;
        if (end < 0 || padded[end] != 2) throw new IllegalArgumentException("no last-record delimiter");
        return Arrays.copyOf(padded, end);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] cat(byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) b.put(p);
        return b.array();
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
