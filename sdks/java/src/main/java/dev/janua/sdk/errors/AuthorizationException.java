package dev.janua.sdk.errors;

import java.util.List;
import java.util.Map;

/** HTTP 403 — authenticated but not allowed (INSUFFICIENT_PERMISSIONS, ACCOUNT_SUSPENDED, MFA_REQUIRED …) */
public class AuthorizationException extends JanuaException {
    public AuthorizationException(String message, String code, int status, Map<String, Object> details, String requestId,
            String timestamp, Map<String, List<String>> headers) {
        super(message, code, status, details, requestId, timestamp, headers, null);
    }
}
