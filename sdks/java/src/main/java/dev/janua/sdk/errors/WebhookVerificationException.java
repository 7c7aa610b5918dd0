package dev.janua.sdk.errors;

/** A webhook delivery whose signature or timestamp did not verify; {@link #code()} says which check failed. */
public class WebhookVerificationException extends JanuaException {
    public WebhookVerificationException(String message, String code) {
        super(message, code, null);
    }
}
