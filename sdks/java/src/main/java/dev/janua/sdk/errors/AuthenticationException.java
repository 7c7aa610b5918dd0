package dev.janua.sdk.errors;

import java.util.List;
import java.util.Map;

/** HTTP 401, 423 — not authenticated (INVALID_CREDENTIALS, INVALID_TOKEN, SESSION_EXPIRED, INVALID_MFA_CODE, ACCOUNT_LOCKED …) */
public class AuthenticationException extends JanuaException {
    public AuthenticationException(String message, String code, int status, Map<String, Object> details, String requestId,
            String timestamp, Map<String, List<String>> headers) {
        super(message, code, status, details, requestId, timestamp, headers, null);
    }
}
