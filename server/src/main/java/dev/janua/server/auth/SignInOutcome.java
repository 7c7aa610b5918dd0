package dev.janua.server.auth;

import dev.janua.server.mfa.SecondFactors.TrustedDevice;
import java.time.Instant;
import java.util.List;

/** How a sign-in attempt ended once the first factor was accepted: a session, or a second step to take. */
public sealed interface SignInOutcome {
    /** A full session; {@code trustedDevice} is set when the client asked to trust this device. */
    record Completed(SignInResult result, TrustedDevice trustedDevice) implements SignInOutcome {}

    /**
     * No tokens yet: pass a second factor ({@code enrollment} false) or first enrol one because a
     * policy requires MFA ({@code enrollment} true), then {@code POST /auth/login/mfa} with the token.
     */
    record SecondFactorRequired(String mfaToken, List<String> methods, Instant expiresAt, boolean enrollment)
            implements SignInOutcome {}
}
