package dev.janua.server.oidc.web;

import dev.janua.server.oidc.domain.ApplicationType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Public clients in the device authorization grant (RFC 8628 §3.1, §3.4): a TV or a command-line tool
 * has no secret and, unlike the authorization-code flow, no PKCE verifier to prove itself with, so it
 * identifies itself by {@code client_id} alone. Spring Authorization Server accepts a client without
 * a secret only on PKCE token requests; this pair accepts one on exactly two requests — the device
 * authorization request and the device-code token request — and only for a registered public
 * application that was given the device grant. Everything else keeps the standard client checks.
 */
final class DevicePublicClients {
    /**
     * The method this converter's unauthenticated tokens carry, so that only {@link #provider} handles
     * them (Spring's public-client provider would demand a PKCE verifier); the authenticated result
     * carries the standard {@code none}.
     */
    private static final ClientAuthenticationMethod DEVICE_NONE = new ClientAuthenticationMethod("janua_device_none");

    private DevicePublicClients() {}

    static AuthenticationConverter converter(String deviceAuthorizationPath, String tokenPath) {
        return request -> {
            if (!"POST".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) return null;
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean deviceRequest = path.equals(deviceAuthorizationPath)
                    || (path.equals(tokenPath) && AuthorizationGrantType.DEVICE_CODE.getValue()
                            .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE)));
            if (!deviceRequest || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null) return null;
            String clientId = single(request, OAuth2ParameterNames.CLIENT_ID);
            if (clientId == null) return null;
            return new OAuth2ClientAuthenticationToken(clientId, DEVICE_NONE, null, Map.of());
        };
    }

    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null) return null;
        if (values.length != 1 || !StringUtils.hasText(values[0])) throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
        return values[0];
    }

    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
                if (!DEVICE_NONE.equals(token.getClientAuthenticationMethod())) return null;
                RegisteredClient client = clients.findByClientId((String) token.getPrincipal());
                if (client == null
                        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                        || !client.getAuthorizationGrantTypes().contains(new AuthorizationGrantType(ApplicationType.Grants.DEVICE_CODE))) {
                    throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
                }
                return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
