package dev.janua.server.themes.web;

import dev.janua.server.themes.app.ThemeService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Puts the theme of the sign-in in progress on every hosted page ({@code hostedTheme} in the
 * model; the layout then loads {@code /hosted/theme.css} and shows the logo). The sign-in is known
 * by its OAuth client: the {@code client_id} of the request (the consent page, the error page of an
 * authorization request) or of the authorization request the page will return to ({@code return_to},
 * carried by the sign-in, MFA, enrolment and sign-up pages).
 */
class HostedThemeInterceptor implements HandlerInterceptor {
    private final ThemeService themes;

    HostedThemeInterceptor(ThemeService themes) {
        this.themes = themes;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mv) {
        if (mv == null || mv.getViewName() == null || !mv.getViewName().startsWith("hosted/")) return;
        String clientId = clientOf(request, mv.getModel().get("returnTo"));
        if (clientId == null) return;
        HostedTheme.of(themes, clientId).ifPresent(t -> mv.addObject(HostedTheme.MODEL, t));
    }

    static String clientOf(HttpServletRequest request, Object modelReturnTo) {
        String direct = request.getParameter("client_id");
        if (direct != null) return direct;
        String returnTo = modelReturnTo instanceof String s ? s : request.getParameter("return_to");
        if (returnTo == null || returnTo.isBlank()) return null;
        try {
            List<String> ids = UriComponentsBuilder.fromUriString(returnTo).build().getQueryParams().get("client_id");
            return ids == null || ids.size() != 1 ? null : UriUtils.decode(ids.getFirst(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
