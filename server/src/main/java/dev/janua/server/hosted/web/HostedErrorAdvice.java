package dev.janua.server.hosted.web;

import dev.janua.server.hosted.HostedPages;
import dev.janua.server.platform.errors.JanuaException;
import java.util.Locale;
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

/** Failures of page controllers become the hosted error page (HTML, localised), ahead of the API's JSON advice. */
@ControllerAdvice(annotations = HostedPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class HostedErrorAdvice {
    private static final Logger log = LoggerFactory.getLogger(HostedErrorAdvice.class);
    private final MessageSource messages;

    public HostedErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(JanuaException.class)
    ModelAndView janua(JanuaException e, Locale locale) {
        return HostedErrorController.page(messages, locale, e.code().name(), null, e.code().status());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView badRequest(Exception e, Locale locale) {
        return HostedErrorController.page(messages, locale, "INVALID_REQUEST", null, HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(RuntimeException.class)
    ModelAndView unexpected(RuntimeException e, Locale locale) {
        log.error("hosted page failed", e);
        return HostedErrorController.page(messages, locale, "INTERNAL_ERROR", null, HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
