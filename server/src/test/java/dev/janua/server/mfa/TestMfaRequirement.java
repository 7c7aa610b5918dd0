package dev.janua.server.mfa;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Test-only stand-in for an organization with {@code mfaRequired}: picked up by component scanning
 * in the shared test context (no context of its own), it requires MFA for the users a test names.
 */
@Component
public class TestMfaRequirement implements MfaRequirement {
    private static final Set<String> REQUIRED = ConcurrentHashMap.newKeySet();

    public static void require(String userId) {
        REQUIRED.add(userId);
    }

    @Override
    public boolean requiredFor(String userId) {
        return REQUIRED.contains(userId);
    }
}
