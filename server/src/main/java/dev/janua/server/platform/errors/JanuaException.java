package dev.janua.server.platform.errors;

import java.util.Map;
import java.util.Objects;

/** A failure with a stable {@link ErrorCode}; the web layer turns it into the error body. */
public class JanuaException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> details;

    public JanuaException(ErrorCode code) {
        this(code, Map.of());
    }

    public JanuaException(ErrorCode code, Map<String, Object> details) {
        super(code.name());
        this.code = Objects.requireNonNull(code);
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static JanuaException of(ErrorCode code, String key, Object value) {
        return new JanuaException(code, Map.of(key, value));
    }
}
