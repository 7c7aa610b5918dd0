package dev.janua.server.oidc.web;

import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Where the provider's endpoints find an access token: the {@code Authorization} header everywhere,
 * and at {@code /userinfo} also the {@code access_token} form parameter of a POST (RFC 6750 §2.2,
 * OIDC Core §5.3.1). Only there: no other endpoint of this chain takes a token from a form. Two
 * tokens in one request (header and body) are refused with {@code invalid_request} (RFC 6750 §2).
 */
final class UserInfoBearerTokens {
    private UserInfoBearerTokens() {}

    static BearerTokenResolver resolver() {
        DefaultBearerTokenResolver headerOnly = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver withForm = new DefaultBearerTokenResolver();
        withForm.setAllowFormEncodedBodyParameter(true);
        return request -> "/userinfo".equals(request.getRequestURI()) ? withForm.resolve(request) : headerOnly.resolve(request);
    }
}
