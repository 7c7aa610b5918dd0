package dev.janua.server.magiclink.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which URLs a magic link may send the browser back to: http(s) URLs whose origin is on the
 * allow-list (or, in development, localhost). Everything else would make Janua an open redirector.
 */
public final class RedirectTargets {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private final Set<String> allowedOrigins;
    private final boolean allowLoopback;

    public RedirectTargets(Set<String> allowedOrigins, boolean allowLoopback) {
        this.allowedOrigins = allowedOrigins.stream().map(RedirectTargets::normalizeOrigin).flatMap(Optional::stream)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.allowLoopback = allowLoopback;
    }

    /** The URL when it may be used as a redirect target, else empty. */
    public Optional<URI> check(String url) {
        if (url == null || url.isBlank() || url.length() > 2048) return Optional.empty();
        try {
            URI uri = new URI(url.trim());
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null) return Optional.empty();
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) return Optional.empty();
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            boolean ok = (allowLoopback && LOOPBACK.contains(host)) || origin(uri).map(allowedOrigins::contains).orElse(false);
            return ok ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code target} with {@code name=value} added to its query (before any fragment). */
    public static String withParameter(URI target, String name, String value) {
        String s = target.toString();
        int hash = s.indexOf('#');
        String base = hash < 0 ? s : s.substring(0, hash);
        String fragment = hash < 0 ? "" : s.substring(hash);
        String sep = target.getRawQuery() == null ? "?" : "&";
        return base + sep + name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8) + fragment;
    }

    static Optional<String> normalizeOrigin(String origin) {
        try {
            return origin(new URI(origin.trim()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> origin(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) return Optional.empty();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    }
}
