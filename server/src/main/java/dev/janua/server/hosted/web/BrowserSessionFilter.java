package dev.janua.server.hosted.web;

import dev.janua.server.hosted.BrowserAuthentication;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.hosted.app.BrowserSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the {@code janua_session} cookie and, while the Janua session behind it is live, makes the
 * person the request's authentication. Nothing is kept between requests on this node: the database
 * row and the session are checked every time, so a revocation anywhere takes effect at once.
 */
public final class BrowserSessionFilter extends OncePerRequestFilter {
    private final BrowserSessions sessions;
    private final HostedSecurity hosted;

    public BrowserSessionFilter(BrowserSessions sessions, HostedSecurity hosted) {
        this.sessions = sessions;
        this.hosted = hosted;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = cookie(request, HostedSecurity.SESSION_COOKIE);
        if (secret != null) {
            Optional<BrowserAuthentication> who = sessions.resolve(secret);
            if (who.isPresent()) {
                SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                context.setAuthentication(who.get());
                SecurityContextHolder.getContextHolderStrategy().setContext(context);
            } else {
                // a revoked or expired session: drop the dead cookie
                response.addHeader("Set-Cookie", BrowserCookies.clear(HostedSecurity.SESSION_COOKIE, hosted.secureCookies()));
            }
        }
        chain.doFilter(request, response);
    }

    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) if (name.equals(c.getName())) return c.getValue();
        return null;
    }
}
