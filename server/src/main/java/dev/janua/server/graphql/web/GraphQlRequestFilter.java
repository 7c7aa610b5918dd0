package dev.janua.server.graphql.web;

import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.security.CallerAuthenticator;
import dev.janua.server.platform.web.ClientInfo;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives the GraphQL endpoints their {@link GraphQlRequestScope}. Spring for GraphQL hands
 * interceptors the request's attributes but not the servlet request, which the
 * {@link CallerAuthenticator} reads; this filter captures it. Requests without valid credentials
 * never get this far in practice: the route guard answers them 401 (deny by default), as for REST.
 */
final class GraphQlRequestFilter extends OncePerRequestFilter {
    private final CallerAuthenticator authenticator;
    private final boolean trustProxy;

    GraphQlRequestFilter(CallerAuthenticator authenticator, boolean trustProxy) {
        this.authenticator = authenticator;
        this.trustProxy = trustProxy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(GraphQlRequestScope.ATTRIBUTE,
                new GraphQlRequestScope(() -> authenticated(request), ClientInfo.from(request, trustProxy)));
        chain.doFilter(request, response);
    }

    /** The route guard has usually verified the credentials already: one verification per request. */
    private Caller authenticated(HttpServletRequest request) {
        return request.getAttribute(Caller.class.getName()) instanceof Caller c ? c : authenticator.authenticate(request);
    }
}
