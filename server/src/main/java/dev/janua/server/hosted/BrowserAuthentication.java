package dev.janua.server.hosted;

import java.io.Serial;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * A person signed in through the hosted pages, as Spring Security sees them: the principal name is
 * the Janua user id (the OIDC {@code sub}); the Janua session, the time of the sign-in and the
 * methods used (RFC 8176 {@code amr} values) travel with it into authorizations and ID tokens.
 * Serializable because an authorization keeps its principal until its tokens expire.
 */
public final class BrowserAuthentication extends AbstractAuthenticationToken {
    @Serial
    private static final long serialVersionUID = 1L;
    private final String userId;
    private final String sessionId;
    private final Instant authTime;
    private final List<String> amr;

    public BrowserAuthentication(String userId, String sessionId, Instant authTime, List<String> amr) {
        // Spring Security 7 records each factor passed, with its time (the ID token's auth_time comes from it)
        super(List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(authTime).build()));
        this.userId = Objects.requireNonNull(userId, "userId");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.authTime = Objects.requireNonNull(authTime, "authTime");
        this.amr = List.copyOf(amr);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return userId;
    }

    @Override
    public String getName() {
        return userId;
    }

    public String userId() {
        return userId;
    }

    public String sessionId() {
        return sessionId;
    }

    public Instant authTime() {
        return authTime;
    }

    public List<String> amr() {
        return amr;
    }
}
