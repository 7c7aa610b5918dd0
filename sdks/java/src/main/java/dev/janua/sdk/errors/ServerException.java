package dev.janua.sdk.errors;

import java.util.List;
import java.util.Map;

/** HTTP 5xx — INTERNAL_ERROR, SERVICE_UNAVAILABLE … */
public class ServerException extends JanuaException {
    public ServerException(String message, String code, int status, Map<String, Object> details, String requestId,
            String timestamp, Map<String, List<String>> headers) {
        super(message, code, status, details, requestId, timestamp, headers, null);
    }
}
