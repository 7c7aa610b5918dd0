package dev.janua.server.sso.app;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Fetches IdP metadata from the URL an organization gave (Okta, Entra ID and Google publish one).
 * HTTPS only — the signing certificates it carries are the root of trust — except on loopback,
 * where development IdPs live. Redirects are not followed; 10 s timeout, 1 MiB at most.
 * Never called inside a transaction.
 */
@Component
public class MetadataSource {
    private static final int MAX_BYTES = 1024 * 1024;
    /** Built on first use: the first HTTP client of the process initialises TLS (the default trust store), a few
     * hundred ms of start-up for a call most starts never make (issue 16). */
    private final SingletonSupplier<HttpClient> http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build());

    public static URI requireUsableUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw invalid("samlMetadataUrl", "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getUserInfo() != null) throw invalid("samlMetadataUrl", "not an absolute URL");
        if (scheme.equals("https")) return uri;
        if (scheme.equals("http") && isLoopback(uri.getHost())) return uri;
        throw invalid("samlMetadataUrl", "https required");
    }

    public String fetch(String url) {
        URI uri = requireUsableUrl(url);
        try {
            HttpResponse<InputStream> r = http.obtain().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/samlmetadata+xml, application/xml, text/xml").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) throw invalid("samlMetadataUrl", "HTTP " + r.statusCode());
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) throw invalid("samlMetadataUrl", "larger than 1 MiB");
                return new String(body, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw invalid("samlMetadataUrl", "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw invalid("samlMetadataUrl", "interrupted");
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) return true;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) return false; // only literal addresses: no DNS lookup here
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    static JanuaException invalid(String field, String reason) {
        return new JanuaException(ErrorCode.SSO_METADATA_INVALID, Map.of("field", field, "reason", reason));
    }
}
