package dev.janua.sdk.errors;

/** The server did not answer within the client's timeout ({@code TIMEOUT}). */
public class RequestTimeoutException extends NetworkException {
    public RequestTimeoutException(String message, String requestId, Throwable cause) {
        super(message, "TIMEOUT", requestId, cause);
    }
}
