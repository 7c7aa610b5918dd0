package dev.janua.server.platform.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/** The one error body of the API: {@code {"error": {code, message, details, requestId, timestamp}}}. */
public record ApiError(Body error) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Body(String code, String message, Map<String, Object> details, String requestId, Instant timestamp) {}

    public static ApiError of(String code, String message, Map<String, Object> details, String requestId, Instant now) {
        return new ApiError(new Body(code, message, details, requestId, now));
    }
}
