package dev.janua.server.hosted.web;

import dev.janua.server.hosted.HostedPages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The hosted error page. Other parts forward here with the error in request attributes (never
 * taken from the query, so nobody can make Janua's page say what they like).
 */
@Controller
@HostedPages
public class HostedErrorController {
    public static final String PATH = "/hosted/error";
    /** A Janua error code (its localised text is shown) or a hosted one such as CSRF_INVALID. */
    public static final String ERROR_CODE = "janua.hosted.error";
    /** An OAuth error code from the authorization endpoint (invalid_request, invalid_client, …). */
    public static final String OAUTH_ERROR = "janua.hosted.oauth-error";
    public static final String STATUS = "janua.hosted.status";
    private static final Pattern CODE = Pattern.compile("[A-Za-z_]{1,64}");
    private final MessageSource messages;

    public HostedErrorController(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping(PATH)
    ModelAndView error(HttpServletRequest request, Locale locale) {
        String code = request.getAttribute(ERROR_CODE) instanceof String s && CODE.matcher(s).matches() ? s : null;
        String oauth = request.getAttribute(OAUTH_ERROR) instanceof String s && CODE.matcher(s).matches() ? s : null;
        HttpStatus status = request.getAttribute(STATUS) instanceof HttpStatus h ? h
                : oauth != null ? HttpStatus.BAD_REQUEST : "CSRF_INVALID".equals(code) ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
        return page(messages, locale, code == null && oauth == null ? "NOT_FOUND" : code, oauth, status);
    }

    static ModelAndView page(MessageSource messages, Locale locale, String code, String oauthError, HttpStatus status) {
        ModelAndView mv = new ModelAndView("hosted/error", status);
        String message;
        if (oauthError != null) {
            message = messages.getMessage("hosted.error.oauth." + oauthError, null,
                    messages.getMessage("hosted.error.oauth", null, locale), locale);
        } else {
            message = messages.getMessage("hosted.error." + code, null,
                    messages.getMessage("error." + code, null, messages.getMessage("hosted.error.generic", null, locale), locale), locale);
        }
        mv.addObject("errorMessage", message);
        mv.addObject("errorCode", oauthError != null ? oauthError : code);
        return mv;
    }
}
