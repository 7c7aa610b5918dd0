package dev.janua.sdk.errors;

/** No HTTP answer: connection refused or reset ({@code NETWORK_ERROR}), or a timeout ({@link RequestTimeoutException}). */
public class NetworkException extends JanuaException {
    public NetworkException(String message, String code, String requestId, Throwable cause) {
        super(message, code, 0, null, requestId, null, null, cause);
    }
}
