package dev.janua.server.hosted.web;

import dev.janua.server.hosted.HostedPages;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The language links at the foot of every hosted page switch the language of <em>this</em> page: a
 * reset-password or invitation link keeps its token, an authorization request its parameters. The
 * model gets {@code languageQuery}, the current query without {@code lang}, ending where
 * {@code lang=xx} is appended ({@code "?"} or {@code "?a=1&"}). A page whose link must not be replayed
 * (one that spent its token on GET) sets it to {@code "?"} itself.
 *
 * <p>Selected by package, not by {@code annotations = HostedPages.class}: Spring tests an advice with model
 * attributes against the controller of every request, JSON routes included, and an annotation selector
 * searches the class hierarchy each time (issue 16's profile). The packages also hold JSON controllers, which
 * get nothing: the method asks the matched handler's class, a cheap reflection lookup, only in these packages.
 */
@ControllerAdvice(basePackages = {"dev.janua.server.hosted.web", "dev.janua.server.oidc.web", "dev.janua.server.sso.web"})
class LanguageLinks {
    static final String ATTRIBUTE = "languageQuery";

    @ModelAttribute
    void languageQuery(Model model, HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod page)
                || !page.getBeanType().isAnnotationPresent(HostedPages.class)) return;
        model.addAttribute(ATTRIBUTE, query(request));
    }

    private static String query(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) return "?"; // a form's answer: the language of the page's GET
        StringBuilder q = new StringBuilder("?");
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            if (p.getKey().equals("lang")) continue;
            for (String v : p.getValue()) {
                q.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
            }
        }
        return q.toString();
    }
}
