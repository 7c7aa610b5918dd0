package dev.janua.sdk.errors;

import java.util.List;
import java.util.Map;

/**
 * Every error the SDK throws. {@link #code()} is Janua's stable machine code ({@code INVALID_CREDENTIALS},
 * {@code RATE_LIMITED}, …) — branch on it, never on the localised message. {@link #requestId()} ties the
 * failure to the server's logs and audit records; quote it in bug reports.
 *
 * <p>Subtypes follow the HTTP status (see sdks/README.md §4); the code stays the precise reason.
 */
public class JanuaException extends RuntimeException {
    private final String code;
    private final int status;
    private final Map<String, Object> details;
    private final String requestId;
    private final String timestamp;
    private final Map<String, List<String>> headers;

    public JanuaException(String message, String code, int status, Map<String, Object> details, String requestId,
                          String timestamp, Map<String, List<String>> headers, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
        this.details = details == null ? Map.of() : Map.copyOf(details);
        this.requestId = requestId;
        this.timestamp = timestamp;
        this.headers = headers == null ? Map.of() : headers;
    }

    /** For failures decided on the client (no response): status 0. */
    public JanuaException(String message, String code, Throwable cause) {
        this(message, code, 0, Map.of(), null, null, Map.of(), cause);
    }

    /** Janua's stable error code, e.g. {@code INVALID_CREDENTIALS}; {@code HTTP_<status>} for a foreign body. */
    public String code() { return code; }

    /** HTTP status, 0 when no response was received. */
    public int status() { return status; }

    /** {@code error.details}; never null. */
    public Map<String, Object> details() { return details; }

    /** {@code error.requestId}, else the {@code X-Request-ID} response header, else the id the SDK sent. */
    public String requestId() { return requestId; }

    public String timestamp() { return timestamp; }

    /** Response headers, names in lower case. */
    public Map<String, List<String>> headers() { return headers; }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + status + " " + code + ", requestId=" + requestId + "]: " + getMessage();
    }
}
