package dev.janua.server.scim.web;

import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.ratelimit.RateLimitCategory;
import dev.janua.server.ratelimit.RateLimits;
import dev.janua.server.scim.app.ScimTokenService;
import dev.janua.server.scim.domain.ScimCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request under {@code …/scim/} by its SCIM bearer token (RFC 7644 §2): without a
 * live token the answer is 401 in the SCIM error schema, before any route is looked at. The token
 * fixes the organization; nothing in the request can name another. A valid token also marks the
 * request authenticated for Spring Security, so a deny-by-default route guard lets it through
 * (SCIM routes are not anonymous: they carry their own credential).
 *
 * <p>It is also where SCIM requests are rate-limited (the general rate-limit filter leaves these paths
 * alone): a live token draws from its own {@code scim} bucket, so one organization's sync cannot starve
 * another's and an IdP behind a shared egress address is not limited as an anonymous caller; a missing
 * or unknown token draws from the caller's IP {@code default} bucket. Refusals are 429 in the SCIM
 * error schema, with {@code Retry-After} and the {@code X-RateLimit-*} headers.
 */
final class ScimAuthenticationFilter extends OncePerRequestFilter {
    static final String ATTRIBUTE = "dev.janua.server.scim.domain.ScimCaller";
    private final ScimTokenService tokens;
    private final RateLimits limits;
    private final boolean trustProxy;

    ScimAuthenticationFilter(ScimTokenService tokens, RateLimits limits, boolean trustProxy) {
        this.tokens = tokens;
        this.limits = limits;
        this.trustProxy = trustProxy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        Optional<ScimCaller> caller = tokens.authenticate(secret);
        RateLimits.Decision decision = caller.isPresent()
                ? limited(response, () -> limits.tryConsume(RateLimitCategory.SCIM, caller.get().tokenId()))
                : limited(response, () -> limits.tryConsumeByIp(RateLimitCategory.DEFAULT, ClientInfo.from(request, trustProxy).ipAddress()));
        if (decision != null && !decision.allowed()) {
            write(response, 429, "Too many requests for this " + (caller.isPresent() ? "SCIM token" : "address")
                    + "; retry after " + decision.retryAfterSeconds() + " s");
            return;
        }
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"scim\"");
            write(response, 401, secret == null ? "A SCIM bearer token is required" : "The SCIM token is invalid or revoked");
            return;
        }
        request.setAttribute(ATTRIBUTE, caller.get());
        SecurityContextHolder.getContext().setAuthentication(new ScimAuthentication(caller.get()));
        chain.doFilter(request, response);
    }

    /** Takes a token from the bucket and shows it in the headers; null when limiting is off. */
    private RateLimits.Decision limited(HttpServletResponse response, java.util.function.Supplier<RateLimits.Decision> bucket) {
        if (!limits.enabled()) return null;
        RateLimits.Decision d = bucket.get();
        limits.writeHeaders(response, d);
        return d;
    }

    private static void write(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(ScimJson.SCIM.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ScimErrors.body(status, null, detail));
    }

    /** The token as Spring Security sees it: authenticated, no authorities (routes decide). */
    static final class ScimAuthentication extends AbstractAuthenticationToken {
        private final ScimCaller caller;

        ScimAuthentication(ScimCaller caller) {
            super(List.copyOf(AuthorityUtils.NO_AUTHORITIES));
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller.tokenId();
        }
    }
}
