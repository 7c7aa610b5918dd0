package dev.janua.server.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two signatures on every delivery (SECURITY.md, "Webhooks"):
 * <ul>
 *   <li>Standard Webhooks 1.0: {@code webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>}
 *       where the key is the base64 part of {@code whsec_<base64>};</li>
 *   <li>the seed's recipe: {@code X-Janua-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>}
 *       keyed with the secret string's UTF-8 bytes, exactly as the seed's sample code does.</li>
 * </ul>
 * A secret given without the {@code whsec_} form keys both with its UTF-8 bytes.
 */
public final class WebhookSignature {
    private WebhookSignature() {}

    public static String standard(String secret, String msgId, long timestamp, String body) {
        byte[] mac = hmac(standardKey(secret), msgId + "." + timestamp + "." + body);
        return "v1," + Base64.getEncoder().encodeToString(mac);
    }

    public static String seed(String secret, long timestamp, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body));
    }

    static byte[] standardKey(String secret) {
        if (secret.startsWith("whsec_")) {
            try {
                return Base64.getDecoder().decode(secret.substring(6));
            } catch (IllegalArgumentException notBase64) {
                // fall through: key with the raw string
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
