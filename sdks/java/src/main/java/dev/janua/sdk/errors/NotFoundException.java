package dev.janua.sdk.errors;

import java.util.List;
import java.util.Map;

/** HTTP 404 — USER_NOT_FOUND, ORGANIZATION_NOT_FOUND, NOT_FOUND … */
public class NotFoundException extends JanuaException {
    public NotFoundException(String message, String code, int status, Map<String, Object> details, String requestId,
            String timestamp, Map<String, List<String>> headers) {
        super(message, code, status, details, requestId, timestamp, headers, null);
    }
}
