package dev.janua.server.federation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The back channel of the authorization-code flow: the code (with the PKCE verifier) for tokens at
 * the token endpoint (RFC 6749 §4.1.3, RFC 7636 §4.5), and protected-resource GETs with the access
 * token (OIDC Core §5.3 userinfo, or a provider's own API such as GitHub's {@code /user/emails}).
 */
@Component
public class OAuthClient {
    private final FederationHttp http;

    public OAuthClient(FederationHttp http) {
        this.http = http;
    }

    /** How Janua authenticates to the token endpoint (RFC 6749 §2.3.1; {@code NONE} for public clients with PKCE). */
    public enum AuthMethod { CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, NONE }

    public record ClientCredentials(String clientId, String clientSecret, AuthMethod method) {
        public ClientCredentials {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(method, "method");
        }
    }

    /** A successful token response (RFC 6749 §5.1); {@code idToken} is set for OpenID Connect. */
    public record TokenResponse(String accessToken, String tokenType, String idToken, String refreshToken, Long expiresIn,
                                String scope, JsonNode raw) {}

    public TokenResponse exchangeCode(String tokenEndpoint, ClientCredentials client, String code, String redirectUri,
                                      String codeVerifier) {
        if (code == null || code.isBlank() || code.length() > 4096) throw FederationException.callback("code_missing");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (codeVerifier != null) form.put("code_verifier", codeVerifier);
        Map<String, String> headers = new LinkedHashMap<>();
        switch (client.method()) {
            case CLIENT_SECRET_BASIC -> headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (formEncode(client.clientId()) + ":" + formEncode(client.clientSecret() == null ? "" : client.clientSecret()))
                            .getBytes(StandardCharsets.UTF_8)));
            case CLIENT_SECRET_POST -> {
                form.put("client_id", client.clientId());
                form.put("client_secret", client.clientSecret());
            }
            case NONE -> form.put("client_id", client.clientId());
        }
        FederationHttp.Answer a = http.postForm(tokenEndpoint, form, headers);
        JsonNode b = a.body();
        if (!a.ok() || b.has("error")) {
            // RFC 6749 §5.2: invalid_grant is a spent, expired or foreign code — the caller's problem, not the provider's
            throw FederationException.callback("token_exchange_failed:" + safeWord(b.path("error").asString("http_" + a.status())));
        }
        String access = b.path("access_token").asString(null);
        if (access == null || access.isBlank()) throw FederationException.callback("token_response_invalid");
        return new TokenResponse(access, b.path("token_type").asString("Bearer"), b.path("id_token").asString(null),
                b.path("refresh_token").asString(null), b.has("expires_in") ? b.path("expires_in").asLong() : null,
                b.path("scope").asString(null), b);
    }

    /** GET a protected resource with the access token; non-2xx answers are refused. */
    public JsonNode getWithToken(String url, String accessToken, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Authorization", "Bearer " + accessToken);
        FederationHttp.Answer a = http.getJson(url, headers);
        if (!a.ok()) throw FederationException.callback("userinfo_failed:http_" + a.status());
        return a.body();
    }

    /** OIDC userinfo (OIDC Core §5.3.2): its {@code sub} must equal the ID token's when both are present (§5.3.4). */
    public JsonNode userInfo(String endpoint, String accessToken, String expectedSubject) {
        JsonNode info = getWithToken(endpoint, accessToken, Map.of());
        String sub = info.path("sub").asString(null);
        if (expectedSubject != null && sub != null && !sub.equals(expectedSubject)) throw FederationException.callback("userinfo_subject_mismatch");
        return info;
    }

    private static String formEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String safeWord(String s) {
        String w = s.replaceAll("[^A-Za-z0-9_.-]", "");
        return w.length() > 40 ? w.substring(0, 40) : w;
    }
}
