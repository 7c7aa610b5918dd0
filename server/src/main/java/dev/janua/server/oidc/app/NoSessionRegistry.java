package dev.janua.server.oidc.app;

import java.util.List;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * Spring Authorization Server would otherwise keep an in-memory registry of HTTP sessions for the
 * ID token's {@code sid}, filled at every authorization and emptied only by servlet session events
 * (which Janua does not publish): memory that grows per request and is local to one node. Janua's
 * sessions live in the database instead, so this registry keeps nothing: the ID token's {@code sid}
 * is the Janua session id, set by {@link OidcTokens}, and RP-initiated logout identifies the person by
 * the ID token's {@code sub}.
 */
public final class NoSessionRegistry implements SessionRegistry {
    @Override
    public List<Object> getAllPrincipals() {
        return List.of();
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return List.of();
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        return null;
    }

    @Override
    public void refreshLastRequest(String sessionId) {}

    @Override
    public void registerNewSession(String sessionId, Object principal) {}

    @Override
    public void removeSessionInformation(String sessionId) {}
}
