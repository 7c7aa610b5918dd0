package dev.janua.sdk.errors;

import java.util.List;
import java.util.Map;

/** HTTP 409 — EMAIL_ALREADY_EXISTS, LAST_OWNER, MFA_ALREADY_ENABLED … */
public class ConflictException extends JanuaException {
    public ConflictException(String message, String code, int status, Map<String, Object> details, String requestId,
            String timestamp, Map<String, List<String>> headers) {
        super(message, code, status, details, requestId, timestamp, headers, null);
    }
}
