package dev.janua.server.devices.domain;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * P-256 keys in the raw forms the push protocols use: the uncompressed point (65 bytes, SEC 1
 * §2.3.3) of Web Push ({@code p256dh}, the VAPID {@code k}), the 32-byte private scalar, and PKCS#8
 * PEM (APNs {@code .p8} keys, FCM service-account keys).
 */
public final class EcKeys {
    private static final ECParameterSpec P256 = p256();

    private EcKeys() {}

    public static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The uncompressed point {@code 0x04 || X || Y}. */
    public static byte[] encodePoint(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        System.arraycopy(unsigned32(key.getW().getAffineX()), 0, out, 1, 32);
        System.arraycopy(unsigned32(key.getW().getAffineY()), 0, out, 33, 32);
        return out;
    }

    public static ECPublicKey decodePoint(byte[] point) {
        if (point == null || point.length != 65 || point[0] != 4) throw new IllegalArgumentException("not an uncompressed P-256 point");
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)), new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        // a point off the curve would leak the private key to an invalid-curve attack: refuse it here, not only in the ECDH code
        if (!onCurve(w)) throw new IllegalArgumentException("not a point on P-256");
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 point", e);
        }
    }

    /** SEC 1 §3.2.2.1: 0 ≤ x, y < p and y² = x³ + ax + b (mod p). */
    static boolean onCurve(ECPoint w) {
        BigInteger p = ((java.security.spec.ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) return false;
        BigInteger right = x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    public static byte[] encodeScalar(ECPrivateKey key) {
        return unsigned32(key.getS());
    }

    public static ECPrivateKey decodeScalar(byte[] d) {
        if (d == null || d.length != 32) throw new IllegalArgumentException("a P-256 private key is 32 bytes");
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 private key", e);
        }
    }

    /** A PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}) of the given algorithm (EC or RSA). */
    public static PrivateKey fromPem(String pem, String algorithm) {
        if (pem == null || pem.isBlank()) throw new IllegalArgumentException("no private key");
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]*PRIVATE KEY-----", "").replace("\\n", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS#8 " + algorithm + " private key", e);
        }
    }

    static byte[] unsigned32(BigInteger n) {
        byte[] b = n.toByteArray();
        if (b.length == 32) return b;
        byte[] out = new byte[32];
        if (b.length > 32) System.arraycopy(b, b.length - 32, out, 0, 32);
        else System.arraycopy(b, 0, out, 32 - b.length, b.length);
        return out;
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            return p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
