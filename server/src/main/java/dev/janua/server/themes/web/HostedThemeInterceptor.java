package dev.janua.server.themes.web;

import dev.janua.server.hosted.domain.ReturnTo;
import dev.janua.server.themes.app.ThemeService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Puts the theme of the sign-in in progress on every hosted page ({@code hostedTheme} in the
 * model; the layout then loads {@code /hosted/theme.css} and shows the logo). The sign-in is known
 * by its OAuth client, taken only from what the controller vouched for: the authorization request
 * the page will return to ({@code returnTo} in the model, which the controllers put there only after
 * {@link ReturnTo#safe}), or a registered client the page is about ({@link HostedTheme#CLIENT}, the
 * consent page). Never from a raw request parameter: a crafted link must not put a known
 * application's name and logo on Janua's own pages.
 */
class HostedThemeInterceptor implements HandlerInterceptor {
    private static final String AUTHORIZE_PATH = "/oauth2/authorize";
    private final ThemeService themes;

    HostedThemeInterceptor(ThemeService themes) {
        this.themes = themes;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mv) {
        if (mv == null || mv.getViewName() == null || !mv.getViewName().startsWith("hosted/")) return;
        String clientId = clientOf(mv.getModel());
        if (clientId == null) return;
        HostedTheme.of(themes, clientId).ifPresent(t -> mv.addObject(HostedTheme.MODEL, t));
    }

    static String clientOf(Map<String, Object> model) {
        if (model.get(HostedTheme.CLIENT) instanceof String vouched) return vouched;
        // validated again here, so a page that ever puts an unchecked value in the model themes nothing;
        // only an authorization request names the sign-in's client (a hosted page's own query does not)
        String returnTo = model.get("returnTo") instanceof String s ? ReturnTo.safe(s).orElse(null) : null;
        if (returnTo == null || !AUTHORIZE_PATH.equals(returnTo.split("[?#]", 2)[0])) return null;
        try {
            List<String> ids = UriComponentsBuilder.fromUriString(returnTo).build().getQueryParams().get("client_id");
            return ids == null || ids.size() != 1 ? null : UriUtils.decode(ids.getFirst(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
