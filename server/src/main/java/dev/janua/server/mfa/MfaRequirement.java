package dev.janua.server.mfa;

/**
 * A rule that makes a second factor mandatory for a user — an organization with
 * {@code mfaRequired}, for instance. Every bean of this type is asked; one {@code true} is enough.
 * A user who must have MFA but has no authenticator app gets no full session at sign-in: they
 * are sent to enrol first ({@code requiresMfaEnrollment}). SMS alone never satisfies a requirement
 * (SECURITY.md: SMS is a restricted authenticator).
 */
public interface MfaRequirement {
    boolean requiredFor(String userId);
}
