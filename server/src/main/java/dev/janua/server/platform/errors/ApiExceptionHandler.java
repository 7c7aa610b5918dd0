package dev.janua.server.platform.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure that reaches MVC to the error body: stable code, localised text, no stack trace. */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final ErrorResponses errors;

    public ApiExceptionHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler(JanuaException.class)
    ResponseEntity<ApiError> janua(JanuaException e, HttpServletRequest request) {
        return errors.entity(request, e.code(), e.details());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (PayloadTooLargeException.isCause(e)) {
            return errors.entity(request, ErrorCode.PAYLOAD_TOO_LARGE, Map.of());
        }
        String reason = e.getMessage() != null && e.getMessage().startsWith("Required request body")
                ? "missing_body" : "malformed_json";
        return errors.entity(request, ErrorCode.INVALID_REQUEST, Map.of("reason", reason));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, Object>> fields = e.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::fieldError).toList();
        return errors.entity(request, ErrorCode.VALIDATION_ERROR, Map.of("fields", fields));
    }

    @ExceptionHandler({HandlerMethodValidationException.class, ConstraintViolationException.class})
    ResponseEntity<ApiError> invalidParameters(Exception e, HttpServletRequest request) {
        return errors.entity(request, ErrorCode.VALIDATION_ERROR, Map.of("reason", "invalid_parameters"));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            MissingRequestHeaderException.class})
    ResponseEntity<ApiError> badParameter(Exception e, HttpServletRequest request) {
        String name = switch (e) {
            case MissingServletRequestParameterException m -> m.getParameterName();
            case MethodArgumentTypeMismatchException m -> m.getName();
            case MissingRequestHeaderException m -> m.getHeaderName();
            default -> "unknown";
        };
        return errors.entity(request, ErrorCode.INVALID_REQUEST, Map.of("parameter", name));
    }

    /**
     * Parameters the container cannot decode (a form body with {@code %ff}; malformed query strings
     * are refused earlier, by {@code MalformedRequestFilter}): the client's input, logged without a trace.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiError> undecodableParameters(InvalidParameterException e, HttpServletRequest request) {
        log.debug("undecodable parameters on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return errors.entity(request, ErrorCode.INVALID_REQUEST, Map.of("reason", "malformed_parameters"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ResponseEntity<ApiError> body = errors.entity(request, ErrorCode.METHOD_NOT_ALLOWED,
                Map.of("method", e.getMethod()));
        return ResponseEntity.status(body.getStatusCode()).headers(h -> {
            h.addAll(body.getHeaders());
            if (e.getSupportedHttpMethods() != null) h.setAllow(e.getSupportedHttpMethods());
        }).body(body.getBody());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ApiError> notFound(Exception e, HttpServletRequest request) {
        return errors.entity(request, ErrorCode.NOT_FOUND, Map.of("path", request.getRequestURI()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return errors.entity(request, ErrorCode.UNSUPPORTED_MEDIA_TYPE, Map.of("supported", "application/json"));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return errors.entity(request, ErrorCode.NOT_ACCEPTABLE, Map.of());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        return errors.entity(request, ErrorCode.PAYLOAD_TOO_LARGE, Map.of("maxBytes", e.maxBytes()));
    }

    /**
     * Safety net: rules at the edge should catch bad values first, but a value the database still
     * refuses is the client's input, not a server failure.
     */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ApiError> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        log.warn("duplicate key reached the handler on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMostSpecificCause().getMessage());
        return errors.entity(request, ErrorCode.CONFLICT, Map.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiError> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn("constraint violation reached the handler on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMostSpecificCause().getMessage());
        return errors.entity(request, ErrorCode.VALIDATION_ERROR, Map.of("reason", "constraint_violation"));
    }

    /**
     * The client closed the connection before the answer was written (a load generator stopping, a browser
     * navigating away): there is no one to answer and nothing wrong on this side, so no error is logged.
     */
    @ExceptionHandler({ClientAbortException.class, AsyncRequestNotUsableException.class})
    void clientGone(Exception e, HttpServletRequest request) {
        log.debug("client closed the connection on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return errors.entity(request, ErrorCode.INTERNAL_ERROR, Map.of());
    }

    private static Map<String, Object> fieldError(FieldError f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", f.getField());
        m.put("reason", f.getCode() == null ? "invalid" : f.getCode());
        if (f.getDefaultMessage() != null) m.put("message", f.getDefaultMessage());
        return m;
    }
}
