package dev.janua.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers the integration tests share: clients, unique addresses, the dev mailbox, TOTP codes. */
final class TestSupport {
    static final String PASSWORD = "correct horse battery staple 42";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestSupport() {}

    static JanuaClient.Builder builder() {
        return JanuaClient.builder().baseUrl(JanuaServer.url()).environment("development");
    }

    static JanuaClient client() {
        return builder().build();
    }

    /** A client signed in as the bootstrap platform admin. */
    static JanuaClient admin() {
        JanuaClient c = client();
        c.auth().signIn(JanuaServer.ADMIN_EMAIL, JanuaServer.ADMIN_PASSWORD);
        return c;
    }

    /** A client of a freshly signed-up user. */
    static JanuaClient newUser(String email) {
        JanuaClient c = client();
        c.auth().signUp(SignUpParams.builder().email(email).password(PASSWORD).firstName("Ada").lastName("Lovelace"));
        return c;
    }

    static String email(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** The first token matching {@code pattern} in the newest dev-mailbox message to {@code to} whose subject contains {@code subject}; polls briefly. */
    static String mailToken(String to, String subject, String pattern) {
        return mailToken(to, subject, pattern, 1);
    }

    /**
     * As above, once at least {@code mails} such messages have arrived: after a resend the newest mail
     * is only the resent one when the outbox has delivered it, which happens after the request returns.
     */
    static String mailToken(String to, String subject, String pattern, int mails) {
        Pattern p = Pattern.compile(pattern);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode box = getJson("/api/v1/dev/mailbox?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
            String newest = null;
            int matching = 0;
            for (JsonNode m : box.path("data")) {
                if (!m.path("subject").asText().toLowerCase().contains(subject.toLowerCase())) continue;
                Matcher matcher = p.matcher(m.path("body").asText());
                if (!matcher.find()) continue;
                matching++;
                if (newest == null) newest = matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
            }
            if (matching >= mails) return newest;
            sleep(100);
        }
        throw new AssertionError("no " + mails + " mail(s) '" + subject + "' to " + to);
    }

    static JsonNode getJson(String path) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(JanuaServer.url() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) of a base32 secret at {@code at}. */
    static String totp(String base32Secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(at.getEpochSecond() / 30).array());
            int o = h[h.length - 1] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        s = s.replace("=", "").replace(" ", "").toUpperCase();
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0, bits = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects the client's request log. */
    static final class Requests extends CopyOnWriteArrayList<RequestLog> {
        long count(String method, String path) {
            return stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
        }
    }
}
