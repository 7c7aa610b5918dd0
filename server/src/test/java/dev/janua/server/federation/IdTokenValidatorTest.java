package dev.janua.server.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** OIDC Core §3.1.3.7 rules one by one, with a fixed clock and a key set held in memory. */
class IdTokenValidatorTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final RSAKey KEY;

    static {
        try {
            KEY = new RSAKeyGenerator(2048).keyID("k1").generate();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final JwksCache keys = new JwksCache(null, clock) {
        @Override
        public Optional<JWK> key(String jwksUri, String kid) {
            return "k1".equals(kid) ? Optional.of(KEY.toPublicJWK()) : Optional.empty();
        }
    };
    private final IdTokenValidator validator = new IdTokenValidator(keys, clock);

    private static String token(UnaryOperator<JWTClaimsSet.Builder> edit) throws Exception {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer("https://idp.example").audience("client").subject("u1")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(300))).claim("nonce", "n1");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), edit.apply(b).build());
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    private static IdTokenExpectations expect(String issuer) {
        return new IdTokenExpectations(issuer, "client", "n1", "https://idp.example/jwks", null);
    }

    private String reason(String token, IdTokenExpectations e) {
        try {
            validator.validate(token, e);
            return "accepted";
        } catch (FederationException f) {
            return f.reason();
        }
    }

    @Test
    void acceptsAGenuineToken() throws Exception {
        assertThat(validator.validate(token(b -> b), expect("https://idp.example")).subject()).isEqualTo("u1");
    }

    @Test
    void expiryHonoursTheSixtySecondSkewAndNoMore() throws Exception {
        assertThat(reason(token(b -> b.expirationTime(Date.from(NOW.minusSeconds(59)))), expect("https://idp.example"))).isEqualTo("accepted");
        assertThat(reason(token(b -> b.expirationTime(Date.from(NOW.minusSeconds(61)))), expect("https://idp.example"))).isEqualTo("id_token_expired");
        assertThat(reason(token(b -> b.issueTime(Date.from(NOW.plusSeconds(120)))), expect("https://idp.example"))).isEqualTo("id_token_issued_in_future");
    }

    @Test
    void eachRuleHasItsReason() throws Exception {
        IdTokenExpectations e = expect("https://idp.example");
        assertThat(reason(token(b -> b.issuer("https://other.example")), e)).isEqualTo("id_token_issuer_mismatch");
        assertThat(reason(token(b -> b.audience("someone-else")), e)).isEqualTo("id_token_audience_mismatch");
        assertThat(reason(token(b -> b.claim("azp", "someone-else")), e)).isEqualTo("id_token_audience_mismatch");
        assertThat(reason(token(b -> b.claim("nonce", "n2")), e)).isEqualTo("id_token_nonce_mismatch");
        assertThat(reason(token(b -> b.subject(null)), e)).isEqualTo("id_token_subject_missing");
        assertThat(reason("not.a.jwt", e)).isEqualTo("id_token_malformed");
        assertThat(reason(null, e)).isEqualTo("id_token_missing");
        assertThat(reason(token(b -> b), new IdTokenExpectations("https://idp.example", "client", "n1", "x", java.util.Set.of("ES256"))))
                .isEqualTo("id_token_alg_not_allowed");
    }

    @Test
    void microsoftsMultiTenantIssuerIsCheckedAgainstTheTokensTenant() throws Exception {
        IdTokenExpectations e = expect("https://login.microsoftonline.com/{tenantid}/v2.0");
        String tid = "9188040d-6c67-4c5b-b112-36a304b66dad";
        assertThat(reason(token(b -> b.issuer("https://login.microsoftonline.com/" + tid + "/v2.0").claim("tid", tid)), e)).isEqualTo("accepted");
        assertThat(reason(token(b -> b.issuer("https://login.microsoftonline.com/" + tid + "/v2.0").claim("tid", "72f988bf-86f1-41af-91ab-2d7cd011db47")), e))
                .isEqualTo("id_token_issuer_mismatch");
        assertThat(reason(token(b -> b.issuer("https://login.microsoftonline.com/x/v2.0").claim("tid", "../evil")), e)).isEqualTo("id_token_issuer_mismatch");
    }
}
