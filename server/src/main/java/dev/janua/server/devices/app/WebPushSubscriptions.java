package dev.janua.server.devices.app;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser's {@code PushSubscription} as the app registers it for its push token
 * ({@code JSON.stringify(subscription)}: {@code endpoint} and {@code keys.p256dh}, {@code keys.auth}).
 * The endpoint is a URL Janua will POST to, so it must be https on a known push service
 * ({@code JANUA_PUSH_WEBPUSH_ALLOWED_HOSTS}): a subscription cannot point Janua at an internal address.
 */
final class WebPushSubscriptions {
    record Subscription(URI endpoint, byte[] p256dh, byte[] auth) {}

    private final List<String> allowedHosts;
    private final boolean allowHttp;
    private final JsonMapper json;

    WebPushSubscriptions(List<String> allowedHosts, boolean allowHttp, JsonMapper json) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        this.allowHttp = allowHttp;
        this.json = json;
    }

    boolean looksLikeSubscription(String token) {
        return token != null && token.trim().startsWith("{") && token.contains("endpoint");
    }

    /** The subscription, or IllegalArgumentException saying what is wrong with it. */
    Subscription parse(String token) {
        JsonNode n;
        try {
            n = json.readTree(token);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON");
        }
        URI endpoint;
        try {
            endpoint = new URI(n.path("endpoint").asString(""));
        } catch (Exception e) {
            throw new IllegalArgumentException("endpoint is not a URL");
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) throw new IllegalArgumentException("endpoint must be https");
        if (endpoint.getRawUserInfo() != null || endpoint.getHost() == null) throw new IllegalArgumentException("endpoint host missing");
        if (!hostAllowed(endpoint.getHost().toLowerCase(Locale.ROOT))) throw new IllegalArgumentException("endpoint host is not an allowed push service");
        byte[] p256dh = base64Url(n.path("keys").path("p256dh").asString(""), "keys.p256dh");
        byte[] auth = base64Url(n.path("keys").path("auth").asString(""), "keys.auth");
        if (p256dh.length != 65 || p256dh[0] != 4) throw new IllegalArgumentException("keys.p256dh must be an uncompressed P-256 key");
        if (auth.length != 16) throw new IllegalArgumentException("keys.auth must be 16 bytes");
        return new Subscription(endpoint, p256dh, auth);
    }

    private boolean hostAllowed(String host) {
        for (String a : allowedHosts) {
            if (a.startsWith("*.") ? host.endsWith(a.substring(1)) : host.equals(a)) return true;
        }
        return false;
    }

    private static byte[] base64Url(String s, String field) {
        try {
            return Base64.getUrlDecoder().decode(s.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not base64url");
        }
    }
}
