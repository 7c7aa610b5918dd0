package dev.janua.server.mfa.app;

import dev.janua.server.mfa.MfaRequirement;
import java.util.List;
import org.springframework.stereotype.Component;

/** Asks every {@link MfaRequirement} bean; MFA is required when any of them says so. */
@Component
public class MfaPolicy {
    private final List<MfaRequirement> requirements;

    public MfaPolicy(List<MfaRequirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    public boolean requiredFor(String userId) {
        for (MfaRequirement r : requirements) if (r.requiredFor(userId)) return true;
        return false;
    }
}
