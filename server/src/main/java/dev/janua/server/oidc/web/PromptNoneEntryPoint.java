package dev.janua.server.oidc.web;

import dev.janua.server.hosted.HostedSecurity;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * An authorization request from someone not signed in normally goes to the hosted sign-in page. With
 * {@code prompt=none} (OIDC Core §3.1.2.1: "MUST NOT display any authentication user interface") it
 * must instead come back to the client with {@code error=login_required} — but only to a redirect URI
 * registered for that client, matched as the authorization endpoint matches it (exactly, except the
 * port of a loopback IP address, RFC 8252 §7.3); anything else gets the hosted error page, never a
 * redirect (the same rule as every other authorization error).
 */
final class PromptNoneEntryPoint {
    private PromptNoneEntryPoint() {}

    static AuthenticationEntryPoint wrapping(AuthenticationEntryPoint signIn, RegisteredClientRepository clients, HostedSecurity hosted) {
        return (request, response, e) -> {
            if (!prompts(request, "none")) {
                signIn.commence(request, response, e);
                return;
            }
            loginRequired(request, response, clients, hosted);
        };
    }

    /** Does the request's {@code prompt} (a space-separated list) contain {@code value}? */
    static boolean prompts(HttpServletRequest request, String value) {
        String prompt = request.getParameter("prompt");
        return prompt != null && Arrays.asList(prompt.split(" ")).contains(value);
    }

    /** {@code error=login_required} to the client's registered redirect URI, or the hosted error page. */
    static void loginRequired(HttpServletRequest request, HttpServletResponse response, RegisteredClientRepository clients,
                              HostedSecurity hosted) throws IOException, ServletException {
        String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
        String[] redirects = request.getParameterValues(OAuth2ParameterNames.REDIRECT_URI);
        RegisteredClient client = clientIds != null && clientIds.length == 1 ? clients.findByClientId(clientIds[0]) : null;
        if (client == null || redirects == null || redirects.length != 1 || !registered(client.getRedirectUris(), redirects[0])) {
            hosted.showOAuthError(request, response, client == null ? "invalid_client" : "invalid_redirect_uri");
            return;
        }
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(redirects[0])
                .queryParam(OAuth2ParameterNames.ERROR, "login_required");
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state != null) target.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(state, StandardCharsets.UTF_8));
        response.sendRedirect(target.build(true).toUriString());
    }

    /**
     * The authorization endpoint's own rule (Spring Authorization Server's request validator): equal
     * strings, or — for a requested URI on a loopback IP address — equal in everything but the port.
     */
    static boolean registered(Collection<String> registered, String requested) {
        if (registered.contains(requested)) return true;
        UriComponents asked;
        try {
            asked = UriComponentsBuilder.fromUriString(requested).build();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!isLoopbackAddress(asked.getHost())) return false;
        for (String r : registered) {
            UriComponents known;
            try {
                known = UriComponentsBuilder.fromUriString(r).build();
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (Objects.equals(known.getScheme(), asked.getScheme()) && Objects.equals(known.getUserInfo(), asked.getUserInfo())
                    && Objects.equals(known.getHost(), asked.getHost()) && Objects.equals(known.getPath(), asked.getPath())
                    && Objects.equals(known.getQuery(), asked.getQuery()) && Objects.equals(known.getFragment(), asked.getFragment())) {
                return true;
            }
        }
        return false;
    }

    /** 127.0.0.0/8 written as four decimal octets, or {@code [::1]}: no names (RFC 8252 §8.3: "localhost" is not loopback here). */
    static boolean isLoopbackAddress(String host) {
        if (host == null || host.isEmpty()) return false;
        if ("[0:0:0:0:0:0:0:1]".equals(host) || "[::1]".equals(host)) return true;
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4) return false;
        try {
            int[] a = new int[4];
            for (int i = 0; i < 4; i++) {
                if (octets[i].isEmpty() || octets[i].length() > 3 || !octets[i].chars().allMatch(Character::isDigit)) return false;
                a[i] = Integer.parseInt(octets[i]);
                if (a[i] > 255) return false;
            }
            return a[0] == 127;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
