package dev.janua.server.oidc.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a valid application looks like (RFC 6749 §3.1.2, RFC 8252, RFC 9700 §2.1): redirect URIs
 * are absolute, without fragment or userinfo, https — or http only on a loopback host for native
 * and development apps — or a private-use scheme for native apps ({@code com.example.app:/cb}).
 * They are matched exactly at the authorization endpoint, so what is stored is exactly what was
 * given. Each failure names the field and the reason (the caller turns it into VALIDATION_ERROR).
 */
public final class ApplicationRules {
    public static final Set<String> KNOWN_SCOPES = Set.of("openid", "profile", "email", "offline_access");
    private static final Pattern PRIVATE_SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*\\.[a-z0-9+.-]+");
    private static final int MAX_URIS = 20;

    private ApplicationRules() {}

    /** A rule broken: {@code field} and a machine {@code reason}. */
    public static final class Violation extends RuntimeException {
        private final Map<String, Object> details;

        public Violation(String field, String reason) {
            super(field + ": " + reason, null, false, false);
            this.details = Map.of("field", field, "reason", reason);
        }

        public Map<String, Object> details() {
            return details;
        }
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) throw new Violation("name", "required");
        String n = name.strip();
        if (n.length() > 200) throw new Violation("name", "too_long");
        return n;
    }

    public static Set<String> grants(ApplicationType type, List<String> requested) {
        if (requested == null || requested.isEmpty()) return type.defaultGrants();
        Set<String> grants = new LinkedHashSet<>();
        for (String g : requested) {
            String v = g == null ? "" : g.trim().toLowerCase(Locale.ROOT);
            if (!type.allowedGrants().contains(v)) throw new Violation("grantTypes", "not_allowed_for_" + type.wireName() + ":" + v);
            grants.add(v);
        }
        if (grants.contains("refresh_token") && !grants.contains("authorization_code") && !grants.contains(ApplicationType.Grants.DEVICE_CODE)) {
            throw new Violation("grantTypes", "refresh_token_needs_authorization_code");
        }
        return grants;
    }

    public static Set<String> scopes(List<String> requested, Set<String> grants) {
        if (requested == null || requested.isEmpty()) {
            return grants.contains("authorization_code") || grants.contains(ApplicationType.Grants.DEVICE_CODE)
                    ? Set.of("openid", "profile", "email") : Set.of();
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String s : requested) {
            String v = s == null ? "" : s.trim();
            if (!v.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}")) throw new Violation("scopes", "invalid:" + v);
            scopes.add(v);
        }
        return scopes;
    }

    public static List<String> redirectUris(String field, List<String> uris, boolean required) {
        List<String> out = new ArrayList<>();
        if (uris != null) for (String u : uris) out.add(redirectUri(field, u));
        if (required && out.isEmpty()) throw new Violation(field, "required");
        if (out.size() > MAX_URIS) throw new Violation(field, "too_many");
        return List.copyOf(new LinkedHashSet<>(out));
    }

    static String redirectUri(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 1000) throw new Violation(field, "invalid");
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new Violation(field, "not_a_uri");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) throw new Violation(field, "not_absolute");
        if (uri.getRawFragment() != null) throw new Violation(field, "fragment_not_allowed");
        if (uri.getRawUserInfo() != null) throw new Violation(field, "userinfo_not_allowed");
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals(uri.getScheme())) throw new Violation(field, "scheme_not_lowercase");
        switch (scheme) {
            case "https" -> {
                if (uri.getHost() == null) throw new Violation(field, "host_required");
            }
            case "http" -> {
                if (!isLoopback(uri.getHost())) throw new Violation(field, "https_required");
            }
            default -> {
                if (!PRIVATE_SCHEME.matcher(scheme).matches()) throw new Violation(field, "scheme_not_allowed");
            }
        }
        return value;
    }

    static boolean isLoopback(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
    }

    public static Duration ttl(String field, Integer seconds, Duration fallback, Duration min, Duration max) {
        if (seconds == null) return fallback;
        Duration d = Duration.ofSeconds(seconds);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) throw new Violation(field, "out_of_range");
        return d;
    }
}
