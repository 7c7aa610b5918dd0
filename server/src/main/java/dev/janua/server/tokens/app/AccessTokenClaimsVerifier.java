package dev.janua.server.tokens.app;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

/**
 * Claims rules of Janua's access tokens: Nimbus' checks (audience, issuer, required claims,
 * {@code exp} and {@code nbf} with the clock skew) plus one Nimbus leaves out: an {@code iat} later
 * than now + skew is refused. Janua never issues such a token, so one can only come from a clock
 * gone wrong or a signing key in the wrong hands minting tokens for later (RFC 7519 §4.1.6 leaves
 * the check to the application; RFC 9068 §4 asks resource servers to validate {@code iat}).
 */
final class AccessTokenClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
    private final Clock clock;

    AccessTokenClaimsVerifier(String audience, String issuer, Clock clock) {
        super(audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "sid", "iat", "exp", "jti"));
        this.clock = clock;
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        super.verify(claims, context);
        Date iat = claims.getIssueTime();
        if (iat != null && iat.toInstant().isAfter(clock.instant().plusSeconds(getMaxClockSkew()))) {
            throw new BadJWTException("JWT issue time is in the future");
        }
    }

    @Override
    protected Date currentTime() {
        return Date.from(clock.instant()); // the injected clock, so tests can move time
    }
}
