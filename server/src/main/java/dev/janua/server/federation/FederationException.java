package dev.janua.server.federation;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.util.Map;

/**
 * A federated sign-in refused: {@link ErrorCode#OAUTH_STATE_INVALID} (unknown, spent, expired or
 * another browser's transaction), {@link ErrorCode#OAUTH_CALLBACK_FAILED} (the provider's answer does
 * not hold up: bad ID token, error from the token endpoint…) or {@link ErrorCode#OAUTH_PROVIDER_UNAVAILABLE}
 * (the provider could not be reached). {@code reason} is a stable machine word in {@code details}.
 */
public class FederationException extends JanuaException {
    private final String reason;

    public FederationException(ErrorCode code, String reason) {
        super(code, Map.of("reason", reason));
        this.reason = reason;
    }

    public static FederationException state(String reason) {
        return new FederationException(ErrorCode.OAUTH_STATE_INVALID, reason);
    }

    public static FederationException callback(String reason) {
        return new FederationException(ErrorCode.OAUTH_CALLBACK_FAILED, reason);
    }

    public static FederationException unavailable(String reason) {
        return new FederationException(ErrorCode.OAUTH_PROVIDER_UNAVAILABLE, reason);
    }

    public String reason() {
        return reason;
    }
}
