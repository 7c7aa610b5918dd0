package dev.janua.server.federation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The front-channel authorization request of the code flow (RFC 6749 §4.1.1, OIDC Core §3.1.2.1):
 * {@code response_type=code}, client id, redirect URI, scopes, {@code state}, and — when set —
 * {@code nonce} and the PKCE S256 challenge. Extra parameters (Apple's {@code response_mode=form_post},
 * Google's {@code prompt}) are appended; they cannot override the ones above.
 */
public record AuthorizationRequest(String authorizationEndpoint, String clientId, String redirectUri, List<String> scopes,
                                   String state, String nonce, String codeChallenge, Map<String, String> extra) {
    public AuthorizationRequest {
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(state, "state");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** The URL to send the browser to. */
    public URI toUri() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", clientId);
        p.put("redirect_uri", redirectUri);
        if (!scopes.isEmpty()) p.put("scope", String.join(" ", scopes));
        p.put("state", state);
        if (nonce != null) p.put("nonce", nonce);
        if (codeChallenge != null) {
            p.put("code_challenge", codeChallenge);
            p.put("code_challenge_method", "S256");
        }
        extra.forEach(p::putIfAbsent);
        StringBuilder b = new StringBuilder(authorizationEndpoint);
        char sep = authorizationEndpoint.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : p.entrySet()) {
            b.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            sep = '&';
        }
        return URI.create(b.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
