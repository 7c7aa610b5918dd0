package dev.janua.sdk.resourceserver;

import dev.janua.sdk.errors.AuthenticationException;

import java.util.Map;

/**
 * An access token refused by {@link JanuaTokenVerifier}. {@link #code()} is {@code INVALID_TOKEN} (answer 401 with
 * it, as Janua does); {@link #reason()} says which check failed, for your logs: {@code malformed},
 * {@code algorithm_not_allowed}, {@code invalid_type}, {@code embedded_key_reference}, {@code unknown_kid},
 * {@code invalid_signature}, {@code invalid_issuer}, {@code invalid_audience}, {@code expired},
 * {@code not_yet_valid}, {@code issued_in_future}, {@code missing_claim}, {@code jwks_unavailable}.
 */
public class TokenVerificationException extends AuthenticationException {
    private final String reason;

    public TokenVerificationException(String reason, String message) {
        super(message, "INVALID_TOKEN", 401, Map.of("reason", reason), null, null, null);
        this.reason = reason;
    }

    public String reason() { return reason; }
}
