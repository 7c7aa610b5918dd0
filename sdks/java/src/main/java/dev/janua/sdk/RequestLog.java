package dev.janua.sdk;

import java.time.Duration;

/**
 * One HTTP attempt, for the client's {@code logger} (debug option): method, path, status (0 when no answer),
 * the request id (the same on every retry of one call), the attempt number (1-based) and the duration.
 * Never bodies, tokens or keys.
 */
public record RequestLog(String method, String path, int status, String requestId, int attempt, Duration duration) {
    @Override
    public String toString() {
        return method + " " + path + " -> " + status + " [" + requestId + ", attempt " + attempt + ", " + duration.toMillis() + " ms]";
    }
}
