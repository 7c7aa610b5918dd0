package dev.janua.server.oidc.web;

import dev.janua.server.hosted.HostedSecurity;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * An authorization request from someone not signed in normally goes to the hosted sign-in page. With
 * {@code prompt=none} (OIDC Core §3.1.2.1: "MUST NOT display any authentication user interface") it
 * must instead come back to the client with {@code error=login_required} — but only to a redirect URI
 * registered for that client, matched exactly; anything else gets the hosted error page, never a
 * redirect (the same rule as every other authorization error).
 */
final class PromptNoneEntryPoint {
    private PromptNoneEntryPoint() {}

    static AuthenticationEntryPoint wrapping(AuthenticationEntryPoint signIn, RegisteredClientRepository clients, HostedSecurity hosted) {
        return (request, response, e) -> {
            String prompt = request.getParameter("prompt");
            if (prompt == null || Arrays.stream(prompt.split(" ")).noneMatch("none"::equals)) {
                signIn.commence(request, response, e);
                return;
            }
            String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
            String[] redirects = request.getParameterValues(OAuth2ParameterNames.REDIRECT_URI);
            RegisteredClient client = clientIds != null && clientIds.length == 1 ? clients.findByClientId(clientIds[0]) : null;
            if (client == null || redirects == null || redirects.length != 1 || !client.getRedirectUris().contains(redirects[0])) {
                hosted.showOAuthError(request, response, client == null ? "invalid_client" : "invalid_redirect_uri");
                return;
            }
            UriComponentsBuilder target = UriComponentsBuilder.fromUriString(redirects[0])
                    .queryParam(OAuth2ParameterNames.ERROR, "login_required");
            String state = request.getParameter(OAuth2ParameterNames.STATE);
            if (state != null) target.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(state, StandardCharsets.UTF_8));
            response.sendRedirect(target.build(true).toUriString());
        };
    }
}
