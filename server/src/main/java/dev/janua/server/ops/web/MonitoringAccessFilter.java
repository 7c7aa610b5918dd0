package dev.janua.server.ops.web;

import dev.janua.server.ops.MonitoringProperties;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.ErrorResponses;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.security.CallerAuthenticator;
import dev.janua.server.platform.security.LoopbackClients;
import dev.janua.server.users.PlatformAdmins;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /metrics} (served by the actuator, outside the controllers) and the detailed health answer
 * loopback clients ({@link LoopbackClients}), and elsewhere platform admins with their access token:
 * 401 without one, 403 for anyone else. {@code JANUA_MONITORING_PUBLIC_ACCESS=true} opens them.
 * Matched on the servlet path, which the container has already decoded and stripped of
 * {@code ;parameters} — the same path the handler mappings see.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
public class MonitoringAccessFilter extends OncePerRequestFilter {
    static final Set<String> PATHS = Set.of("/metrics", "/api/v1/health/detailed", "/v1/health/detailed");
    private final boolean publicAccess;
    private final CallerAuthenticator authenticator;
    private final PlatformAdmins admins;
    private final ErrorResponses errors;

    public MonitoringAccessFilter(MonitoringProperties properties, CallerAuthenticator authenticator, PlatformAdmins admins,
                                  ErrorResponses errors) {
        this.publicAccess = properties.publicAccess();
        this.authenticator = authenticator;
        this.admins = admins;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return publicAccess || !guarded(request.getServletPath()) || LoopbackClients.isLoopback(request);
    }

    static boolean guarded(String servletPath) {
        String path = servletPath;
        while (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return PATHS.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller;
        try {
            caller = authenticator.authenticate(request);
        } catch (JanuaException e) {
            errors.write(request, response, e.code(), e.details());
            return;
        }
        if (!admins.isAdmin(caller)) {
            errors.write(request, response, ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("required", "platform_admin"));
            return;
        }
        chain.doFilter(request, response);
    }
}
