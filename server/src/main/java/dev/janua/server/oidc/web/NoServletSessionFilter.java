package dev.janua.server.oidc.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the provider's endpoints free of servlet sessions. With OpenID Connect on, Spring
 * Authorization Server registers every successful {@code openid} authorization in a session
 * registry keyed by {@code request.getSession().getId()} — which would create a Tomcat session and a
 * {@code JSESSIONID} cookie per authorization, held in one node's memory. Janua needs neither: the
 * browser session is the {@code janua_session} cookie, and the {@code sid} claim comes from it. Here a
 * request that asks for a session gets one that lives only as long as the request.
 */
final class NoServletSessionFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private RequestScopedSession session;

            @Override
            public HttpSession getSession(boolean create) {
                if (session == null && create) session = new RequestScopedSession(request.getServletContext());
                return session;
            }

            @Override
            public HttpSession getSession() {
                return getSession(true);
            }
        }, response);
    }

    /** A session that no container knows about: nothing is stored beyond the request, no cookie is sent. */
    private static final class RequestScopedSession implements HttpSession {
        private final String id = UUID.randomUUID().toString();
        private final long created = System.currentTimeMillis();
        private final Map<String, Object> attributes = new HashMap<>();
        private final ServletContext context;

        RequestScopedSession(ServletContext context) {
            this.context = context;
        }

        @Override public long getCreationTime() { return created; }
        @Override public String getId() { return id; }
        @Override public long getLastAccessedTime() { return created; }
        @Override public ServletContext getServletContext() { return context; }
        @Override public void setMaxInactiveInterval(int interval) {}
        @Override public int getMaxInactiveInterval() { return 0; }
        @Override public Object getAttribute(String name) { return attributes.get(name); }
        @Override public Enumeration<String> getAttributeNames() { return Collections.enumeration(attributes.keySet()); }
        @Override public void setAttribute(String name, Object value) { attributes.put(name, value); }
        @Override public void removeAttribute(String name) { attributes.remove(name); }
        @Override public void invalidate() { attributes.clear(); }
        @Override public boolean isNew() { return true; }
    }
}
