package dev.janua.server.scim.web;

import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.scim.domain.ScimProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every failure of a SCIM route in the SCIM error schema, never Janua's own error body and never a bare 500. */
@RestControllerAdvice(assignableTypes = {ScimUserController.class, ScimGroupController.class, ScimDiscoveryController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ScimExceptionHandler.class);

    @ExceptionHandler(ScimProblem.class)
    ResponseEntity<String> problem(ScimProblem e) {
        return respond(e.status(), e.scimType(), e.detail());
    }

    @ExceptionHandler(JanuaException.class)
    ResponseEntity<String> janua(JanuaException e) {
        int status = e.code().status().value();
        return respond(status, status == 400 ? ScimProblem.INVALID_VALUE : null, e.code().name());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingRequestHeaderException.class})
    ResponseEntity<String> unreadable(Exception e) {
        return respond(400, ScimProblem.INVALID_SYNTAX, "The request could not be read");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> mismatch(MethodArgumentTypeMismatchException e) {
        return respond(400, ScimProblem.INVALID_VALUE, e.getName() + " has the wrong type");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        log.error("SCIM request failed", e);
        return respond(500, null, "Internal error");
    }

    private static ResponseEntity<String> respond(int status, String scimType, String detail) {
        return ResponseEntity.status(status).contentType(ScimJson.SCIM).body(ScimErrors.body(status, scimType, detail));
    }
}
