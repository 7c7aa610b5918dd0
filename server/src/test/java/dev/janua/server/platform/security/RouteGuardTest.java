package dev.janua.server.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/** The deny-by-default decision, without a server: a handler that asks for no {@link Caller} is protected all the same. */
class RouteGuardTest {
    private final AtomicInteger authentications = new AtomicInteger();
    private final RouteGuard guard = new RouteGuard(request -> {
        authentications.incrementAndGet();
        if (request.getHeader("Authorization") == null) throw new JanuaException(ErrorCode.UNAUTHORIZED);
        return new Caller("usr_1", "sess_1", "jti_1");
    });

    /** A handler that never asks who is calling: before deny-by-default, such a route was open to anyone. */
    static class Unlisted {
        public String handle() {
            return "secret";
        }
    }

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anUnlistedRouteWithoutCredentialsIsRefusedWithUnauthorized() throws Exception {
        MockHttpServletRequest request = request("GET", "/api/v1/reports/{id}");
        assertThatThrownBy(() -> guard.preHandle(request, new MockHttpServletResponse(), handler()))
                .isInstanceOfSatisfying(JanuaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
    }

    @Test
    void anUnlistedRouteWithCredentialsPassesAndTheCallerIsKeptForTheHandler() throws Exception {
        MockHttpServletRequest request = request("POST", "/api/v1/reports");
        request.addHeader("Authorization", "Bearer token");
        assertThat(guard.preHandle(request, new MockHttpServletResponse(), handler())).isTrue();
        assertThat(request.getAttribute(CallerArgumentResolver.ATTRIBUTE)).isEqualTo(new Caller("usr_1", "sess_1", "jti_1"));
    }

    @Test
    void listedRoutesPassWithoutAuthenticatingAndHeadFollowsGet() throws Exception {
        for (MockHttpServletRequest r : List.of(request("POST", "/api/v1/auth/signin"), request("POST", "/v1/auth/login"),
                request("GET", "/health"), request("HEAD", "/.well-known/jwks.json"), request("DELETE", "/error"))) {
            assertThat(guard.preHandle(r, new MockHttpServletResponse(), handler())).as(r.getMethod() + " " + r.getRequestURI()).isTrue();
        }
        assertThat(authentications).hasValue(0);
    }

    @Test
    void theListNamesAMethodAndAPattern() {
        assertThat(AnonymousRoutes.allows("GET", "/api/v1/auth/signin")).isFalse();
        assertThat(AnonymousRoutes.allows("POST", "/api/v1/auth/verify-email")).isTrue();
        assertThat(AnonymousRoutes.allows("GET", "/api/v1/auth/verify-email")).isTrue();
        assertThat(AnonymousRoutes.allows("GET", "/api/v1/auth/me")).isFalse();
        assertThat(AnonymousRoutes.allows("GET", "/api/v1/health/detailed")).isTrue();
        assertThat(AnonymousRoutes.allows("GET", "")).isFalse();
    }

    @Test
    void aRequestAnotherChainAuthenticatedPassesButAnAnonymousTokenDoesNot() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThatThrownBy(() -> guard.preHandle(request("GET", "/account"), new MockHttpServletResponse(), handler()))
                .isInstanceOf(JanuaException.class);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("usr_1", null,
                AuthorityUtils.NO_AUTHORITIES));
        assertThat(guard.preHandle(request("GET", "/account"), new MockHttpServletResponse(), handler())).isTrue();
    }

    private static MockHttpServletRequest request(String method, String pattern) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, pattern);
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
        return request;
    }

    private static HandlerMethod handler() throws NoSuchMethodException {
        return new HandlerMethod(new Unlisted(), Unlisted.class.getMethod("handle"));
    }
}
