package dev.janua.server.tokens.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

class AccessTokenClaimsVerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final AccessTokenClaimsVerifier verifier =
            new AccessTokenClaimsVerifier("janua", "https://id.example", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenIssuedNowVerifies() {
        assertThatCode(() -> verifier.verify(claims(NOW), null)).doesNotThrowAnyException();
    }

    @Test
    void anIssueTimeWithinTheClockSkewVerifies() {
        assertThatCode(() -> verifier.verify(claims(NOW.plusSeconds(verifier.getMaxClockSkew())), null))
                .doesNotThrowAnyException();
    }

    @Test
    void anIssueTimeBeyondTheClockSkewIsRefusedEvenWhenNbfIsNow() {
        assertThatThrownBy(() -> verifier.verify(claims(NOW.plusSeconds(verifier.getMaxClockSkew() + 1)), null))
                .isInstanceOf(BadJWTException.class).hasMessageContaining("issue time");
    }

    private static JWTClaimsSet claims(Instant iat) {
        return new JWTClaimsSet.Builder().issuer("https://id.example").audience("janua").subject("usr_1").claim("sid", "sess_1")
                .jwtID("jti_1").issueTime(Date.from(iat)).notBeforeTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(3600))).build();
    }
}
