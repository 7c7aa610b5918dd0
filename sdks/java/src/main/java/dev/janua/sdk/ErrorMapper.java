package dev.janua.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.janua.sdk.errors.AuthenticationException;
import dev.janua.sdk.errors.AuthorizationException;
import dev.janua.sdk.errors.ConflictException;
import dev.janua.sdk.errors.GoneException;
import dev.janua.sdk.errors.JanuaException;
import dev.janua.sdk.errors.NotFoundException;
import dev.janua.sdk.errors.RateLimitedException;
import dev.janua.sdk.errors.ServerException;
import dev.janua.sdk.errors.ValidationException;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a non-2xx answer into the exception of its status (sdks/README.md §4). */
final class ErrorMapper {
    private final ObjectMapper json;

    ErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    JanuaException map(int status, HttpHeaders headers, byte[] body, String sentRequestId, Instant now) {
        JsonNode error = null;
        try {
            JsonNode root = body.length == 0 ? null : json.readTree(body);
            if (root != null && root.path("error").isObject()) error = root.get("error");
        } catch (Exception notJson) {
            // a proxy's HTML page: mapped by status alone
        }
        String code = error != null && error.hasNonNull("code") ? error.get("code").asText() : "HTTP_" + status;
        String message = error != null && error.hasNonNull("message") ? error.get("message").asText() : "HTTP " + status;
        Map<String, Object> details = error != null && error.path("details").isObject()
                ? json.convertValue(error.get("details"), Map.class) : Map.of();
        String requestId = error != null && error.hasNonNull("requestId") ? error.get("requestId").asText()
                : headers.firstValue("X-Request-ID").orElse(sentRequestId);
        String timestamp = error != null && error.hasNonNull("timestamp") ? error.get("timestamp").asText() : null;
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers.map());
        if (status == 429) {
            Duration retryAfter = retryAfter(headers, now);
            if (retryAfter == null && details.get("retryAfter") instanceof Number n) retryAfter = Duration.ofSeconds(n.longValue());
            return new RateLimitedException(message, code, status, details, requestId, timestamp, h, retryAfter,
                    intHeader(headers, "X-RateLimit-Limit"), intHeader(headers, "X-RateLimit-Remaining"),
                    headers.firstValue("X-RateLimit-Reset").map(v -> Instant.ofEpochSecond(Long.parseLong(v.trim()))).orElse(null));
        }
        if (status == 400 || status == 422) return new ValidationException(message, code, status, details, requestId, timestamp, h);
        if (status == 401 || status == 423) return new AuthenticationException(message, code, status, details, requestId, timestamp, h);
        if (status == 403) return new AuthorizationException(message, code, status, details, requestId, timestamp, h);
        if (status == 404) return new NotFoundException(message, code, status, details, requestId, timestamp, h);
        if (status == 409) return new ConflictException(message, code, status, details, requestId, timestamp, h);
        if (status == 410) return new GoneException(message, code, status, details, requestId, timestamp, h);
        if (status >= 500) return new ServerException(message, code, status, details, requestId, timestamp, h);
        return new JanuaException(message, code, status, details, requestId, timestamp, h, null);
    }

    /** {@code Retry-After}: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Duration retryAfter(HttpHeaders headers, Instant now) {
        String v = headers.firstValue("Retry-After").orElse(null);
        if (v == null || v.isBlank()) return null;
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException unparseable) {
                return null;
            }
        }
    }

    private static Integer intHeader(HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(v -> Integer.parseInt(v.trim())).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
