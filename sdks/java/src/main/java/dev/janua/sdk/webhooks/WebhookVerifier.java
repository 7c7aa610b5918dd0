package dev.janua.sdk.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.janua.sdk.errors.WebhookVerificationException;
import dev.janua.sdk.model.WebhookEvent;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Verifies Janua webhook deliveries (docs/webhooks.md, sdks/README.md §8). Janua signs every delivery twice:
 * <ul>
 *   <li><a href="https://www.standardwebhooks.com">Standard Webhooks</a>: {@code webhook-id}, {@code webhook-timestamp},
 *       {@code webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<ts>.<body>")>} where the key is the base64 part
 *       of {@code whsec_<base64>} (two signatures, space-separated, during a secret rotation);</li>
 *   <li>{@code X-Janua-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Janua-Timestamp>.<body>")>}, keyed with the
 *       whole secret string.</li>
 * </ul>
 * {@link #verify} checks the Standard Webhooks signature when present, else {@code X-Janua-Signature}, and refuses
 * timestamps further than the tolerance from now (replays). Pass the raw body bytes as received — re-serialised
 * JSON does not verify. Comparisons are constant-time.
 */
public final class WebhookVerifier {
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookVerifier() {}

    /** Verifies with the default tolerance (5 minutes) and returns the parsed event. */
    public static WebhookEvent verify(byte[] payload, Map<String, List<String>> headers, String secret) {
        return verify(payload, headers, secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    public static WebhookEvent verify(byte[] payload, Map<String, List<String>> headers, String secret, Duration tolerance, Clock clock) {
        return verify(payload, name -> header(headers, name), secret, tolerance, clock);
    }

    /** The same, reading headers through a function (servlet {@code request::getHeader}, Spring {@code HttpHeaders::getFirst} …). */
    public static WebhookEvent verify(byte[] payload, Function<String, String> header, String secret, Duration tolerance, Clock clock) {
        if (payload == null || secret == null || secret.isEmpty()) throw new WebhookVerificationException("payload and secret are required", "MISSING_ARGUMENT");
        String id = header.apply("webhook-id");
        String standard = header.apply("webhook-signature");
        if (id != null && standard != null) {
            long ts = timestamp(header.apply("webhook-timestamp"), tolerance, clock);
            byte[] expected = hmac(standardKey(secret), prefix(id + "." + ts + "."), payload);
            boolean ok = false;
            for (String sig : standard.trim().split(" ")) {
                int comma = sig.indexOf(',');
                if (comma < 0 || !sig.substring(0, comma).equals("v1")) continue;
                try {
                    ok |= MessageDigest.isEqual(expected, Base64.getDecoder().decode(sig.substring(comma + 1)));
                } catch (IllegalArgumentException notBase64) {
                    // another signature of the list may still match
                }
            }
            if (!ok) throw new WebhookVerificationException("No webhook-signature matches", "SIGNATURE_MISMATCH");
            return parse(payload);
        }
        String janua = header.apply("X-Janua-Signature");
        if (janua == null) throw new WebhookVerificationException("No signature header", "MISSING_SIGNATURE");
        long ts = timestamp(header.apply("X-Janua-Timestamp"), tolerance, clock);
        if (!validateSignature(payload, janua, secret, String.valueOf(ts))) {
            throw new WebhookVerificationException("X-Janua-Signature does not match", "SIGNATURE_MISMATCH");
        }
        return parse(payload);
    }

    /** Checks {@code X-Janua-Signature} against the body and {@code X-Janua-Timestamp}; no replay check. */
    public static boolean validateSignature(byte[] payload, String signature, String secret, String timestamp) {
        if (signature == null || timestamp == null) return false;
        byte[] expected = hmac(secret.getBytes(StandardCharsets.UTF_8), prefix(timestamp.trim() + "."), payload);
        for (String sig : signature.trim().split("[ ,]+")) {
            if (!sig.startsWith("sha256=")) continue;
            try {
                if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(sig.substring(7)))) return true;
            } catch (IllegalArgumentException notHex) {
                // try the next one
            }
        }
        return false;
    }

    /**
     * Seed 003's three-argument form, without the timestamp header: valid only if the signature matches some
     * timestamp within the tolerance of now — the same replay window (~600 HMACs, well under a millisecond).
     */
    public static boolean validateSignature(byte[] payload, String signature, String secret, Duration tolerance, Clock clock) {
        long now = clock.instant().getEpochSecond();
        for (long ts = now - tolerance.toSeconds(); ts <= now + tolerance.toSeconds(); ts++) {
            if (validateSignature(payload, signature, secret, String.valueOf(ts))) return true;
        }
        return false;
    }

    public static boolean validateSignature(byte[] payload, String signature, String secret) {
        return validateSignature(payload, signature, secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    private static long timestamp(String value, Duration tolerance, Clock clock) {
        if (value == null) throw new WebhookVerificationException("No timestamp header", "MISSING_TIMESTAMP");
        long ts;
        try {
            ts = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("Timestamp is not a number", "INVALID_TIMESTAMP");
        }
        if (Math.abs(clock.instant().getEpochSecond() - ts) > tolerance.toSeconds()) {
            throw new WebhookVerificationException("Timestamp outside the tolerance (replay?)", "TIMESTAMP_OUT_OF_TOLERANCE");
        }
        return ts;
    }

    /** The same key rule as the server: the base64 part of {@code whsec_…}, else the secret's UTF-8 bytes. */
    static byte[] standardKey(String secret) {
        if (secret.startsWith("whsec_")) {
            try {
                return Base64.getDecoder().decode(secret.substring(6));
            } catch (IllegalArgumentException notBase64) {
                // keyed with the raw string, as the server does
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] prefix(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static WebhookEvent parse(byte[] payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            return new WebhookEvent(n);
        } catch (Exception e) {
            throw new WebhookVerificationException("Signed payload is not JSON", "INVALID_PAYLOAD");
        }
    }
}
