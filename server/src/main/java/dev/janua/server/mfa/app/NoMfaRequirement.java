package dev.janua.server.mfa.app;

import dev.janua.server.mfa.MfaRequirement;
import org.springframework.stereotype.Component;

/**
 * The built-in rule: nobody is forced to use MFA. Organizations add their own
 * {@link MfaRequirement} (members of an org with {@code mfaRequired}); {@link MfaPolicy} asks all.
 */
@Component
class NoMfaRequirement implements MfaRequirement {
    @Override
    public boolean requiredFor(String userId) {
        return false;
    }
}
