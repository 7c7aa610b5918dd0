package dev.janua.server.webhooks.app;

import dev.janua.server.webhooks.WebhookProperties;
import dev.janua.server.webhooks.domain.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * One HTTP attempt with the JDK client: POST, 15 s timeout, redirects not followed (a redirect is
 * a failure), both signatures, and the first kilobyte of the answer kept for the delivery log.
 */
@Component
public class WebhookSender {
    private static final int EXCERPT = 1000;
    private final HttpClient http;
    private final Duration timeout;

    public WebhookSender(WebhookProperties properties) {
        this.timeout = properties.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** {@code statusCode} null when no answer came (then {@code error} says why). */
    public record Result(Integer statusCode, String error, String excerpt, Duration retryAfter, int durationMs) {
        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** {@code secrets}: the current secret first, then a previous one still in its rotation overlap. */
    public Result send(String url, String msgId, String eventType, String payload, List<String> secrets, long timestamp) {
        String standard = secrets.stream().map(s -> WebhookSignature.standard(s, msgId, timestamp, payload)).collect(Collectors.joining(" "));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Janua-Webhooks/1.0")
                .header("webhook-id", msgId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", standard)
                .header("X-Janua-Timestamp", Long.toString(timestamp))
                .header("X-Janua-Signature", WebhookSignature.seed(secrets.getFirst(), timestamp, payload))
                .header("X-Janua-Event", eventType)
                .header("X-Janua-Delivery", msgId)
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream body = response.body()) {
                excerpt = new String(body.readNBytes(EXCERPT), StandardCharsets.UTF_8);
            }
            Duration retryAfter = response.headers().firstValue("Retry-After").map(WebhookSender::parseRetryAfter).orElse(null);
            return new Result(response.statusCode(), null, excerpt, retryAfter, millisSince(start));
        } catch (HttpTimeoutException e) {
            return new Result(null, "timeout after " + timeout.toSeconds() + " s", null, null, millisSince(start));
        } catch (IOException e) {
            return new Result(null, "connection failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), null, null, millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted", null, null, millisSince(start));
        } catch (IllegalArgumentException e) {
            return new Result(null, "invalid request: " + e.getMessage(), null, null, millisSince(start));
        }
    }

    /** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when unreadable. */
    static Duration parseRetryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    private static int millisSince(long start) {
        return (int) ((System.nanoTime() - start) / 1_000_000);
    }
}
