package dev.janua.sdk.errors;

import java.util.List;
import java.util.Map;

/** HTTP 410 — INVITATION_EXPIRED, INVITATION_REVOKED … */
public class GoneException extends JanuaException {
    public GoneException(String message, String code, int status, Map<String, Object> details, String requestId,
            String timestamp, Map<String, List<String>> headers) {
        super(message, code, status, details, requestId, timestamp, headers, null);
    }
}
