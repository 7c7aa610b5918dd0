package dev.janua.sdk.errors;

import java.util.List;
import java.util.Map;

/** HTTP 400, 422 — request rejected as invalid (VALIDATION_ERROR, WEAK_PASSWORD, TOKEN_INVALID_OR_EXPIRED …) */
public class ValidationException extends JanuaException {
    public ValidationException(String message, String code, int status, Map<String, Object> details, String requestId,
            String timestamp, Map<String, List<String>> headers) {
        super(message, code, status, details, requestId, timestamp, headers, null);
    }
}
