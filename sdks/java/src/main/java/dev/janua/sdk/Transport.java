package dev.janua.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.janua.sdk.errors.AuthenticationException;
import dev.janua.sdk.errors.JanuaException;
import dev.janua.sdk.errors.NetworkException;
import dev.janua.sdk.errors.RateLimitedException;
import dev.janua.sdk.errors.RequestTimeoutException;
import dev.janua.sdk.model.Tokens;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Sends one call: picks its credential, retries what is safe to retry (sdks/README.md §6), refreshes once on
 * an expired access token (§7), and maps errors (§4). One {@code X-Request-ID} per call, the same on every retry.
 */
final class Transport {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final char[] ID_CHARS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    final ObjectMapper json;
    private final HttpClient http;
    private final String apiBase;
    private final String rootBase;
    private final String apiKey;
    private final Duration timeout;
    private final int maxRetries;
    private final Duration maxRetryAfter;
    private final Map<String, String> customHeaders;
    private final Consumer<RequestLog> logger;
    private final String userAgent;
    private final ErrorMapper errors;
    final Clock clock;
    final SessionManager session;
    volatile String organizationId;

    Transport(JanuaClient.Builder b) {
        this.json = new ObjectMapper();
        this.http = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().connectTimeout(b.timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = b.baseUrl.replaceAll("/+$", "");
        if (base.endsWith("/api/v1")) {
            apiBase = base;
            rootBase = base.substring(0, base.length() - "/api/v1".length());
        } else if (base.endsWith("/v1")) {
            apiBase = base;
            rootBase = base.substring(0, base.length() - "/v1".length());
        } else {
            apiBase = base + "/api/v1";
            rootBase = base;
        }
        this.apiKey = b.apiKey;
        this.timeout = b.timeout;
        this.maxRetries = b.maxRetries;
        this.maxRetryAfter = b.maxRetryAfter;
        this.customHeaders = Map.copyOf(b.customHeaders);
        this.logger = b.logger;
        this.userAgent = "janua-java/" + JanuaClient.VERSION + " (" + b.environment + "; Java " + Runtime.version().feature() + ")";
        this.errors = new ErrorMapper(json);
        this.clock = b.clock;
        this.organizationId = b.organizationId;
        this.session = new SessionManager(this::refreshCall, b.onTokens, clock);
    }

    String apiBase() { return apiBase; }

    boolean hasApiKey() { return apiKey != null; }

    /** A call under {@code /api/v1}. */
    JsonNode call(String method, String path, Map<String, Object> query, Object body, Credential credential) {
        return send(method, apiBase + path, path, query, body, credential).body();
    }

    /** A call with headers of its own (e.g. the {@code X-Organization-ID} of one call). */
    JsonNode call(String method, String path, Map<String, Object> query, Object body, Credential credential, Map<String, String> headers) {
        return send(method, apiBase + path, path, query, body, credential, headers).body();
    }

    /** A call outside {@code /api/v1} ({@code /health}, {@code /.well-known/jwks.json}). */
    JsonNode callRoot(String method, String path) {
        return send(method, rootBase + path, path, null, null, Credential.NONE).body();
    }

    /** The raw text of a call (exports). */
    String text(String path, Map<String, Object> query, Credential credential) {
        return send("GET", apiBase + path, path, query, null, credential).text();
    }

    record Result(JsonNode body, String text, Instant receivedAt) {}

    Result send(String method, String url, String path, Map<String, Object> query, Object body, Credential credential) {
        return send(method, url, path, query, body, credential, Map.of());
    }

    Result send(String method, String url, String path, Map<String, Object> query, Object body, Credential credential,
                Map<String, String> headers) {
        String requestId = customHeaders.getOrDefault("X-Request-ID", newRequestId());
        byte[] payload = body == null ? null : writeJson(body);
        URI uri = URI.create(url + queryString(query));
        boolean idempotent = IDEMPOTENT.contains(method);
        boolean refreshedOnce = false;
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/json").header("User-Agent", userAgent);
            customHeaders.forEach(rb::header);
            rb.setHeader("X-Request-ID", requestId);
            if (organizationId != null && !customHeaders.containsKey("X-Organization-ID")) rb.header("X-Organization-ID", organizationId);
            headers.forEach(rb::setHeader);
            String bearer = authorize(rb, credential);
            if (payload != null) rb.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
            else rb.method(method, HttpRequest.BodyPublishers.noBody());

            long started = System.nanoTime();
            HttpResponse<byte[]> resp;
            try {
                resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpConnectTimeoutException | ConnectException e) {
                // never reached the server: safe to retry any method
                log(method, path, 0, requestId, attempt, started);
                if (attempt <= maxRetries) { sleep(backoff(attempt)); continue; }
                throw e instanceof HttpConnectTimeoutException
                        ? new RequestTimeoutException("Connecting to Janua timed out", requestId, e)
                        : new NetworkException("Cannot connect to Janua: " + e.getMessage(), "NETWORK_ERROR", requestId, e);
            } catch (HttpTimeoutException e) {
                log(method, path, 0, requestId, attempt, started);
                if (idempotent && attempt <= maxRetries) { sleep(backoff(attempt)); continue; }
                throw new RequestTimeoutException("Janua did not answer within " + timeout, requestId, e);
            } catch (IOException e) {
                log(method, path, 0, requestId, attempt, started);
                if (idempotent && attempt <= maxRetries) { sleep(backoff(attempt)); continue; }
                throw new NetworkException("Network error talking to Janua: " + e.getMessage(), "NETWORK_ERROR", requestId, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NetworkException("Interrupted", "NETWORK_ERROR", requestId, e);
            }
            int status = resp.statusCode();
            log(method, path, status, requestId, attempt, started);
            Instant now = clock.instant();
            if (status < 300) return new Result(parse(resp.body()), new String(resp.body(), StandardCharsets.UTF_8), now);

            JanuaException e = errors.map(status, resp.headers(), resp.body(), requestId, now);
            if (status == 401 && bearer != null && !refreshedOnce && "INVALID_TOKEN".equals(e.code())
                    && session.current() != null && session.current().refreshToken() != null) {
                // the access token expired (or its key is gone): refresh once and repeat; not counted as a retry
                session.refresh(bearer);
                refreshedOnce = true;
                attempt--;
                continue;
            }
            if (e instanceof RateLimitedException rl && attempt <= maxRetries) {
                // 429: the server refused without acting, so any method may be repeated
                Duration wait = rl.retryAfter() != null ? rl.retryAfter() : backoff(attempt);
                if (wait.compareTo(maxRetryAfter) <= 0) { sleep(wait); continue; }
            }
            if ((status == 502 || status == 503 || status == 504) && idempotent && attempt <= maxRetries) {
                Duration ra = status == 503 ? ErrorMapper.retryAfter(resp.headers(), now) : null;
                Duration wait = ra != null && ra.compareTo(maxRetryAfter) <= 0 ? ra : backoff(attempt);
                sleep(wait);
                continue;
            }
            throw e;
        }
    }

    /** Sets the one credential of this call; answers the bearer token sent from the session, if any. */
    private String authorize(HttpRequest.Builder rb, Credential credential) {
        switch (credential) {
            case NONE:
                return null;
            case ADMIN:
                if (apiKey != null) { rb.header("X-API-Key", apiKey); return null; }
                return bearerOrFail(rb);
            case USER:
                return bearerOrFail(rb);
            case SESSION_IF_ANY: {
                Tokens t = session.usable();
                if (t == null) return null;
                rb.header("Authorization", "Bearer " + t.accessToken());
                return t.accessToken();
            }
            default:
                Tokens t = session.usable();
                if (t != null) { rb.header("Authorization", "Bearer " + t.accessToken()); return t.accessToken(); }
                if (apiKey != null) rb.header("X-API-Key", apiKey);
                return null;
        }
    }

    private String bearerOrFail(HttpRequest.Builder rb) {
        Tokens t = session.usable();
        if (t == null) {
            throw new AuthenticationException("Not signed in: sign in first or restore a session with setSession()",
                    "NOT_AUTHENTICATED", 0, null, null, null, null);
        }
        rb.header("Authorization", "Bearer " + t.accessToken());
        return t.accessToken();
    }

    private Tokens refreshCall(String refreshToken) {
        Result r = send("POST", apiBase + "/auth/refresh", "/auth/refresh", null,
                Map.of("refreshToken", refreshToken), Credential.NONE);
        JsonNode t = r.body().has("tokens") ? r.body().get("tokens") : r.body();
        return new Tokens(t, r.receivedAt());
    }

    private void log(String method, String path, int status, String requestId, int attempt, long startedNanos) {
        if (logger != null) logger.accept(new RequestLog(method, path, status, requestId, attempt, Duration.ofNanos(System.nanoTime() - startedNanos)));
    }

    /** min(8 s, 0.5 s × 2^(n-1)) with full jitter. */
    static Duration backoff(int retry) {
        long cap = Math.min(8000L, 500L << Math.min(retry - 1, 10));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("Interrupted while waiting to retry", "NETWORK_ERROR", null, e);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) return NullNode.getInstance();
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return NullNode.getInstance(); // a text answer (CSV export): read through text()
        }
    }

    private byte[] writeJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise request body", e);
        }
    }

    static String queryString(Map<String, Object> query) {
        if (query == null || query.isEmpty()) return "";
        StringJoiner j = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> {
            if (v == null) return;
            Iterable<?> values = v instanceof Iterable<?> it ? it : java.util.List.of(v);
            for (Object each : values) {
                j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(String.valueOf(each), StandardCharsets.UTF_8));
            }
        });
        return j.length() == 1 ? "" : j.toString();
    }

    static String newRequestId() {
        char[] c = new char[24];
        for (int i = 0; i < c.length; i++) c[i] = ID_CHARS[RANDOM.nextInt(ID_CHARS.length)];
        return "req_" + new String(c);
    }
}
