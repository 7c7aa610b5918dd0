package dev.janua.server.console.web;

import dev.janua.server.console.ConsolePages;
import dev.janua.server.platform.errors.JanuaException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a console page's failures become (what every page gets is {@link ConsolePageModel}): a refused form goes back to the page it came from with the error shown
 * there (so the admin can correct it); anything else renders the console's error page, in the
 * admin's language, with the status the API would have answered.
 */
@ControllerAdvice(annotations = ConsolePages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrorAdvice {
    private static final Logger log = LoggerFactory.getLogger(ConsoleErrorAdvice.class);
    private final MessageSource messages;

    ConsoleErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    /** A sign-in without the second factor the deployment requires goes to enrol or verify it, then back to the page asked for. */
    @ExceptionHandler(ConsoleDenied.class)
    ModelAndView denied(ConsoleDenied e, HttpServletRequest request, Locale locale) {
        if ("mfa_required".equals(e.reason())) {
            String back = request.getParameter("back");
            if ("GET".equals(request.getMethod())) {
                // the page with its query (a search, a filter); one the console's links never make: the page alone
                String page = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                back = Console.isConsolePath(page) ? page : request.getRequestURI();
            }
            return Console.redirect(ConsoleMfaController.PATH, Map.of("return_to", Console.isConsolePath(back) ? back : "/console"));
        }
        ModelAndView mv = new ModelAndView("console/denied", HttpStatus.FORBIDDEN);
        mv.addObject("reason", e.reason());
        return mv;
    }

    @ExceptionHandler(JanuaException.class)
    ModelAndView janua(JanuaException e, HttpServletRequest request, Locale locale) {
        String back = request.getParameter("back");
        if ("POST".equals(request.getMethod()) && e.code().status().is4xxClientError() && Console.isConsolePath(back)) {
            return Console.redirect(back, Map.of("error", e.code().name(), "detail", detail(e)));
        }
        return page(request, e.code().name(), detail(e), e.code().status(), locale);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView badRequest(Exception e, HttpServletRequest request, Locale locale) {
        return page(request, "INVALID_REQUEST", "", HttpStatus.BAD_REQUEST, locale);
    }

    @ExceptionHandler(RuntimeException.class)
    ModelAndView unexpected(RuntimeException e, HttpServletRequest request, Locale locale) {
        log.error("console page failed", e);
        return page(request, "INTERNAL_ERROR", "", HttpStatus.INTERNAL_SERVER_ERROR, locale);
    }

    private ModelAndView page(HttpServletRequest request, String code, String detail, HttpStatus status, Locale locale) {
        ModelAndView mv = new ModelAndView("console/error", status);
        mv.addObject("viewer", request.getAttribute(ConsoleInterceptor.VIEWER));
        mv.addObject("errorCode", code);
        mv.addObject("errorMessage", Console.errorMessage(messages, code, detail, locale));
        return mv;
    }

    /** The error's details (field, reason …) as one short line: admins fix forms by them. */
    static String detail(JanuaException e) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(e.details()).forEach((k, v) -> {
            if (v == null || k.equals("requestId")) return;
            if (!b.isEmpty()) b.append(", ");
            b.append(k).append(": ").append(v);
        });
        return b.length() > 200 ? b.substring(0, 200) : b.toString();
    }
}
