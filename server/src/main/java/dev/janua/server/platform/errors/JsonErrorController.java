package dev.janua.server.platform.errors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside MVC (by the container or a filter) still get the JSON error body. The
 * container forwards them here; asked for directly, {@code /error} is an unknown route like any other.
 */
@RestController
public class JsonErrorController implements ErrorController {
    private final ErrorResponses errors;

    public JsonErrorController(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            return errors.entity(request, ErrorCode.NOT_FOUND, Map.of("path", request.getRequestURI()));
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 500;
        ErrorCode errorCode = switch (code) {
            case 400 -> ErrorCode.INVALID_REQUEST;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> code >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST;
        };
        return errors.entity(request, errorCode, Map.of());
    }
}
