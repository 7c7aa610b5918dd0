package dev.janua.server.platform.errors;

import dev.janua.server.platform.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the error body, with the message localised by Accept-Language. Used by the MVC advice
 * and by servlet filters, so an error looks the same wherever it is raised.
 */
@Component
public final class ErrorResponses {
    private final MessageSource messages;
    private final Clock clock;
    private final JsonMapper json;

    public ErrorResponses(MessageSource messages, Clock clock, JsonMapper json) {
        this.messages = messages;
        this.clock = clock;
        this.json = json;
    }

    public ApiError body(HttpServletRequest request, ErrorCode code, Map<String, Object> details) {
        Locale locale = request == null ? Locale.ENGLISH : RequestContextUtils.getLocale(request);
        String message = messages.getMessage(code.messageKey(), null, code.name(), locale);
        return ApiError.of(code.name(), message, details, RequestIds.current(request), clock.instant());
    }

    public ResponseEntity<ApiError> entity(HttpServletRequest request, ErrorCode code, Map<String, Object> details) {
        return ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_JSON).body(body(request, code, details));
    }

    /** For filters that answer before MVC runs. */
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, Map<String, Object> details)
            throws IOException {
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(request, code, details));
    }
}
