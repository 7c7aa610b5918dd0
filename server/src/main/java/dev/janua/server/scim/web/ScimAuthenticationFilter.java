package dev.janua.server.scim.web;

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
 */
final class ScimAuthenticationFilter extends OncePerRequestFilter {
    static final String ATTRIBUTE = "dev.janua.server.scim.domain.ScimCaller";
    private final ScimTokenService tokens;

    ScimAuthenticationFilter(ScimTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        Optional<ScimCaller> caller = tokens.authenticate(secret);
        if (caller.isEmpty()) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"scim\"");
            response.setContentType(ScimJson.SCIM.toString());
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ScimErrors.body(401, null, secret == null
                    ? "A SCIM bearer token is required" : "The SCIM token is invalid or revoked"));
            return;
        }
        request.setAttribute(ATTRIBUTE, caller.get());
        SecurityContextHolder.getContext().setAuthentication(new ScimAuthentication(caller.get()));
        chain.doFilter(request, response);
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
