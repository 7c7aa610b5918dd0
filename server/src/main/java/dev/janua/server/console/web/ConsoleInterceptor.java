package dev.janua.server.console.web;

import dev.janua.server.console.ConsolePages;
import dev.janua.server.console.ConsoleProperties;
import dev.janua.server.console.app.ConsoleAccess;
import dev.janua.server.console.app.ConsoleViewer;
import dev.janua.server.hosted.BrowserAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Before every console page: who is the viewer, and may they enter at all. Members of no
 * organization they administer, and (when the deployment requires it) sessions signed in without
 * a second factor, are refused with {@link ConsoleDenied}, which the console's advice renders.
 */
final class ConsoleInterceptor implements HandlerInterceptor {
    static final String VIEWER = ConsoleViewer.class.getName();
    private final ConsoleAccess access;
    private final ConsoleProperties properties;

    ConsoleInterceptor(ConsoleAccess access, ConsoleProperties properties) {
        this.access = access;
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod m) || !m.getBeanType().isAnnotationPresent(ConsolePages.class)) return true;
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (!(a instanceof BrowserAuthentication who)) throw new ConsoleDenied("not_signed_in");
        if (properties.requireMfa() && !who.amr().contains("mfa")) throw new ConsoleDenied("mfa_required");
        ConsoleViewer viewer = access.viewer(who.userId(), who.sessionId()).orElseThrow(() -> new ConsoleDenied("not_signed_in"));
        if (!viewer.mayEnter()) throw new ConsoleDenied("no_access");
        request.setAttribute(VIEWER, viewer);
        return true;
    }
}
