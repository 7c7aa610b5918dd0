package dev.janua.server.webhooks.app;

import dev.janua.server.webhooks.WebhookProperties;
import dev.janua.server.webhooks.domain.TargetPolicy;
import dev.janua.server.webhooks.domain.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * One HTTP attempt: POST, 15 s timeout, redirects not followed (a redirect is a failure), both
 * signatures, and the first kilobyte of the answer kept for the delivery log.
 *
 * <p>DNS rebinding: the client's only resolver is {@link TargetPolicy#resolveChecked}, so a
 * connection goes to an address that was checked in the same step, never to the answer of a
 * second lookup. The request still names the original host: {@code Host} header, TLS SNI and
 * certificate hostname verification all use the URL's name, not the address. (The JDK's
 * {@code HttpClient} has no resolver hook, hence Apache HttpClient here.) A pooled keep-alive
 * connection stays on the checked address it was opened to.
 */
@Component
@Lazy // built on the first delivery (its TLS context and HTTP client cost start-up time, issue 16); see WebhookDispatcher
public class WebhookSender implements AutoCloseable {
    private static final int EXCERPT = 1000;
    private final CloseableHttpClient http;
    private final Duration timeout;

    @Autowired
    public WebhookSender(WebhookProperties properties) {
        this(properties, new TargetPolicy(properties.allowPrivateTargets()), defaultTls());
    }

    /** {@code targets} resolves and checks every host the client connects to; {@code tls} decides which certificates are trusted. */
    public WebhookSender(WebhookProperties properties, TargetPolicy targets, SSLContext tls) {
        this.timeout = properties.timeout();
        Timeout t = Timeout.of(timeout);
        int connections = Math.max(1, properties.concurrency());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(targets))
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls, HostnameVerificationPolicy.BOTH, null))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t)
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2)).setTimeToLive(TimeValue.ofMinutes(5)).build())
                        .setMaxConnTotal(connections * 2).setMaxConnPerRoute(connections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).setConnectionRequestTimeout(t).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .evictExpiredConnections().evictIdleConnections(TimeValue.ofSeconds(30))
                .build(); // no useSystemProperties(): no proxy from the environment, the connection goes where it was checked
    }

    /** {@code statusCode} null when no answer came (then {@code error} says why). */
    public record Result(Integer statusCode, String error, String excerpt, Duration retryAfter, int durationMs) {
        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** {@code secrets}: the current secret first, then a previous one still in its rotation overlap. */
    public Result send(String url, String msgId, String eventType, String payload, List<String> secrets, long timestamp) {
        long start = System.nanoTime();
        HttpPost request;
        try {
            request = new HttpPost(URI.create(url));
        } catch (IllegalArgumentException e) {
            return new Result(null, "invalid request: " + e.getMessage(), null, null, millisSince(start));
        }
        String standard = secrets.stream().map(s -> WebhookSignature.standard(s, msgId, timestamp, payload)).collect(Collectors.joining(" "));
        request.setHeader("User-Agent", "Janua-Webhooks/1.0");
        request.setHeader("webhook-id", msgId);
        request.setHeader("webhook-timestamp", Long.toString(timestamp));
        request.setHeader("webhook-signature", standard);
        request.setHeader("X-Janua-Timestamp", Long.toString(timestamp));
        request.setHeader("X-Janua-Signature", WebhookSignature.seed(secrets.getFirst(), timestamp, payload));
        request.setHeader("X-Janua-Event", eventType);
        request.setHeader("X-Janua-Delivery", msgId);
        request.setEntity(new ByteArrayEntity(payload.getBytes(StandardCharsets.UTF_8), ContentType.create("application/json")));
        // the whole exchange is bounded, not only each read: a receiver dripping bytes cannot hold a sending slot
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(request::cancel,
                CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
        ClassicHttpResponse response = null;
        try {
            response = http.executeOpen(null, request, null);
            String excerpt = "";
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                byte[] head = entity.getContent().readNBytes(EXCERPT);
                excerpt = new String(head, StandardCharsets.UTF_8);
                if (head.length == EXCERPT) request.cancel(); // do not read (or drain) the rest of a long answer
            }
            Header retry = response.getFirstHeader("Retry-After");
            Duration retryAfter = retry == null ? null : parseRetryAfter(retry.getValue());
            return new Result(response.getCode(), null, excerpt, retryAfter, millisSince(start));
        } catch (TargetPolicy.Refused e) {
            return new Result(null, "target refused: " + e.reason(), null, null, millisSince(start));
        } catch (UnknownHostException e) {
            return new Result(null, "connection failed: unresolvable host " + e.getMessage(), null, null, millisSince(start));
        } catch (IOException e) {
            if (request.isCancelled() || e instanceof ConnectTimeoutException || e instanceof SocketTimeoutException) {
                return new Result(null, "timeout after " + timeout.toSeconds() + " s", null, null, millisSince(start));
            }
            return new Result(null, "connection failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), null, null, millisSince(start));
        } finally {
            deadline.cancel(false);
            closeQuietly(response);
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        if (response == null) return;
        try {
            response.close(); // returns the connection to the pool when the answer was read to its end, else discards it
        } catch (IOException | RuntimeException ignored) {
            // the outcome is already decided; a failing close only loses the connection
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
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

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** The client's DNS: one lookup per connection, every address checked by the target policy before it is used. */
    private record CheckedResolver(TargetPolicy targets) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return targets.resolveChecked(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // only used for SPNEGO/Kerberos, which webhook delivery never does
        }
    }
}
