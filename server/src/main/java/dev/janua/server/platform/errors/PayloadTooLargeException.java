package dev.janua.server.platform.errors;

import java.io.IOException;

/** Thrown by the body-size guard when a request body passes the configured limit. */
public final class PayloadTooLargeException extends IOException {
    private final long maxBytes;

    public PayloadTooLargeException(long maxBytes) {
        super("request body larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PayloadTooLargeException) return true;
        }
        return false;
    }
}
