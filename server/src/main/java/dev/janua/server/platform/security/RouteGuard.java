package dev.janua.server.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Deny by default: a request reaches a handler only if its route is on {@link AnonymousRoutes} or it
 * carries valid credentials (access token or API key — else 401 with the error body).
 *
 * <p>Why here and not in the security filter chain: the decision needs the matched route, known only
 * once a handler mapping has matched. Unknown paths never get here (404) and neither do wrong methods
 * (405), so a probe learns nothing about which routes exist, and no route is looked up twice. Every
 * handler type passes through here (controllers, static resources, anything mapped later), keyed by
 * the pattern its mapping matched. The caller found here is kept for {@link CallerArgumentResolver},
 * so a token is verified once per request.
 *
 * <p>Requests that another security chain (hosted pages, the OpenID provider) has authenticated pass:
 * that chain owns their authentication; its anonymous pages still need an entry in the list.
 */
final class RouteGuard implements HandlerInterceptor {
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
    private final CallerAuthenticator authenticator;

    RouteGuard(CallerAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (AnonymousRoutes.allows(request.getMethod(), matchedPattern(request))) return true;
        // CORS preflights carry no credentials by definition; Spring's own OPTIONS answer lists the methods only
        if (CorsUtils.isPreFlightRequest(request) || isBuiltInOptions(request, handler)) return true;
        if (authenticatedByAnotherChain()) return true;
        if (!(request.getAttribute(CallerArgumentResolver.ATTRIBUTE) instanceof Caller)) {
            request.setAttribute(CallerArgumentResolver.ATTRIBUTE, authenticator.authenticate(request));
        }
        return true;
    }

    static String matchedPattern(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? "" : pattern.toString();
    }

    private static boolean isBuiltInOptions(HttpServletRequest request, Object handler) {
        return "OPTIONS".equals(request.getMethod()) && handler instanceof HandlerMethod m
                && m.getBeanType().getName().startsWith("org.springframework.web.servlet.");
    }

    private static boolean authenticatedByAnotherChain() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && TRUST.isAuthenticated(a);
    }
}
