package dev.janua.server.passkeys.domain;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The WebAuthn Relying Party (WebAuthn L3 §5.1.2 "rp", §13.4.9 origin checks): its id (a
 * registrable domain, here the host of {@code JANUA_BASE_URL} unless {@code JANUA_WEBAUTHN_RP_ID}
 * says otherwise), its display name, and every origin whose {@code clientDataJSON.origin} is
 * accepted — web origins under the rp id, and app origins ({@code android:apk-key-hash:…}).
 */
public record RelyingParty(String id, String name, Set<String> origins) {
    public RelyingParty {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("rp id is empty");
        name = name == null || name.isBlank() ? "Janua" : name;
        origins = Set.copyOf(origins);
        if (origins.isEmpty()) throw new IllegalArgumentException("no allowed origin");
    }

    /**
     * From the public base URL and the optional settings. An explicit origin list replaces the
     * default (the base URL's origin); entries are trimmed and a trailing slash is dropped, as the
     * browser never sends one.
     */
    public static RelyingParty of(String baseUrl, String rpId, String rpName, List<String> origins) {
        URI base = URI.create(baseUrl);
        String id = (rpId == null || rpId.isBlank() ? base.getHost() : rpId.trim()).toLowerCase(Locale.ROOT);
        Set<String> allowed = new LinkedHashSet<>();
        if (origins != null) {
            for (String o : origins) {
                if (o != null && !o.isBlank()) allowed.add(o.trim().replaceAll("/+$", ""));
            }
        }
        if (allowed.isEmpty()) allowed.add(originOf(base));
        return new RelyingParty(id, rpName, allowed);
    }

    static String originOf(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
