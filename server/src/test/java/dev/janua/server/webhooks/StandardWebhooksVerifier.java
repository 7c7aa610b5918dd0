package dev.janua.server.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a customer's receiver does, written from the Standard Webhooks spec and the seed's recipe
 * independently of Janua's signing code: verify {@code webhook-signature} (any of the
 * space-separated {@code v1,} signatures) and {@code X-Janua-Signature}.
 */
public final class StandardWebhooksVerifier {
    private StandardWebhooksVerifier() {}

    public static boolean verifyStandard(String secret, String id, String timestamp, String body, String signatureHeader) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        byte[] expected = hmac(key, id + "." + timestamp + "." + body);
        for (String sig : signatureHeader.split(" ")) {
            if (!sig.startsWith("v1,")) continue;
            if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(sig.substring(3)))) return true;
        }
        return false;
    }

    public static boolean verifySeed(String secret, String timestamp, String body, String signatureHeader) {
        String expected = "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signatureHeader.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
