package dev.janua.server.federation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The back channel to providers: JSON GETs and form POSTs with short timeouts, no redirects
 * followed, and a size cap on what is read (a provider answer is a few KiB; nothing justifies
 * reading megabytes). Every failure is a {@link FederationException}, never an exception the web
 * layer would turn into a 500.
 */
@Component
public class FederationHttp {
    private static final int MAX_BODY = 512 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Built on first use: the first HTTP client of the process initialises TLS (the default trust store), a few
     * hundred ms of start-up for a call most starts never make (issue 16). */
    private final SingletonSupplier<HttpClient> http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build());
    private final JsonMapper json;

    public FederationHttp(JsonMapper json) {
        this.json = json;
    }

    /** An answer: status and parsed JSON body (a missing or non-JSON body is an empty object). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public Answer getJson(String url, Map<String, String> headers) {
        HttpRequest.Builder b = request(url).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    public Answer postForm(String url, Map<String, String> form, Map<String, String> headers) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> {
            if (v != null) body.add(enc(k) + "=" + enc(v));
        });
        HttpRequest.Builder b = request(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(b::header);
        return send(b.build());
    }

    private HttpRequest.Builder request(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw FederationException.unavailable("invalid_endpoint_url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) throw FederationException.unavailable("invalid_endpoint_url");
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                .header("User-Agent", "Janua");
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<InputStream> r = http.obtain().send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = r.body()) {
                bytes = in.readNBytes(MAX_BODY + 1);
            }
            if (bytes.length > MAX_BODY) throw FederationException.unavailable("response_too_large");
            return new Answer(r.statusCode(), parse(bytes));
        } catch (IOException e) {
            throw FederationException.unavailable("unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FederationException.unavailable("interrupted");
        }
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) return json.createObjectNode();
        try {
            JsonNode node = json.readTree(bytes);
            return node == null || node.isMissingNode() ? json.createObjectNode() : node;
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
