package dev.janua.server.oidc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.janua.server.tokens.SigningKeys;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class ActiveKeyJwtEncoderTest {
    private static final RSAKey KEY = generate("active");
    private static final Instant NOW = Instant.parse("2026-12-02T16:00:00Z");

    private final AtomicInteger ringSignatures = new AtomicInteger();
    private final AtomicInteger fallbackCalls = new AtomicInteger();
    private final NimbusJwtEncoder spring = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY)));
    /** Stands for Spring's encoder (which refuses a kid it has no private key for): counts, answers a marker. */
    private final JwtEncoder fallback = p -> {
        fallbackCalls.incrementAndGet();
        return Jwt.withTokenValue("from-the-fallback").header("alg", "RS256").claim("sub", "x").build();
    };
    private final ActiveKeyJwtEncoder encoder = new ActiveKeyJwtEncoder(new Ring(), fallback);

    @Test
    void theActiveKeySignsWithTheRingsSignerAndTheTokenIsTheOneSpringsEncoderMakes() throws Exception {
        JwtEncoderParameters params = JwtEncoderParameters.from(header("active").build(), idTokenClaims());

        Jwt ours = encoder.encode(params);
        Jwt theirs = spring.encode(params);

        assertThat(ringSignatures).hasValue(1);
        assertThat(fallbackCalls).hasValue(0);
        SignedJWT parsed = SignedJWT.parse(ours.getTokenValue());
        assertThat(parsed.verify(new RSASSAVerifier(KEY.toRSAPublicKey()))).isTrue();
        // PKCS#1 v1.5 is deterministic: same header, same claims, same key -> same bytes as Spring's own encoder
        assertThat(ours.getTokenValue()).isEqualTo(theirs.getTokenValue());
        assertThat(ours.getHeaders()).isEqualTo(theirs.getHeaders());
        assertThat(ours.getClaims()).isEqualTo(theirs.getClaims());
        assertThat(ours.getIssuedAt()).isEqualTo(NOW);
        assertThat(ours.getExpiresAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void claimsTakeTheirJwtForms() throws Exception {
        SignedJWT parsed = SignedJWT.parse(encoder.encode(JwtEncoderParameters.from(header("active").build(), idTokenClaims())).getTokenValue());

        var json = parsed.getPayload().toJSONObject();
        assertThat(json.get("iss")).isEqualTo("https://id.example.com");
        assertThat(json.get("iat")).isEqualTo(NOW.getEpochSecond());
        assertThat(json.get("exp")).isEqualTo(NOW.plusSeconds(300).getEpochSecond());
        assertThat(json.get("auth_time")).isEqualTo(NOW.minusSeconds(60).getEpochSecond());
        assertThat(json.get("aud")).isEqualTo("client-1");
        assertThat(json.get("amr")).isEqualTo(List.of("pwd"));
        assertThat(parsed.getHeader().getKeyID()).isEqualTo("active");
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    }

    @Test
    void anotherKeyOrAHeaderItDoesNotWriteGoesToTheFallbackUnchanged() {
        Jwt retired = encoder.encode(JwtEncoderParameters.from(header("retired").build(), idTokenClaims()));
        assertThat(retired.getTokenValue()).isEqualTo("from-the-fallback");
        assertThat(fallbackCalls).hasValue(1);

        encoder.encode(JwtEncoderParameters.from(header("active").x509SHA256Thumbprint(Base64URL.encode("t").toString()).build(), idTokenClaims()));
        assertThat(fallbackCalls).hasValue(2);

        encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), idTokenClaims()));
        assertThat(fallbackCalls).hasValue(3);
        assertThat(ringSignatures).hasValue(0);
    }

    @Test
    void typeAndCustomHeadersAreKept() throws Exception {
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(header("active").type("at+jwt").header("x-janua", "1").build(), idTokenClaims()));

        JWSHeader parsed = SignedJWT.parse(jwt.getTokenValue()).getHeader();
        assertThat(parsed.getType().getType()).isEqualTo("at+jwt");
        assertThat(parsed.getCustomParam("x-janua")).isEqualTo("1");
        assertThat(ringSignatures).hasValue(1);
    }

    private static JwsHeader.Builder header(String kid) {
        return JwsHeader.with(SignatureAlgorithm.RS256).keyId(kid);
    }

    private static JwtClaimsSet idTokenClaims() {
        return JwtClaimsSet.builder().issuer("https://id.example.com").subject("usr_1").audience(List.of("client-1"))
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(300)).id("jti-1")
                .claim("auth_time", Date.from(NOW.minusSeconds(60))).claim("amr", List.of("pwd"))
                .claim("scope", Set.of("openid")).claim("sid", "ses_1").build();
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key ring as the encoder sees it: one active key, whose signer counts its signatures. */
    private final class Ring implements SigningKeys {
        private final JWSSigner signer = counting();

        @Override
        public JWSAlgorithm algorithm() {
            return JWSAlgorithm.RS256;
        }

        @Override
        public JWK activeSigningKey() {
            return KEY;
        }

        @Override
        public JWKSet publishedKeys() {
            return new JWKSet(KEY.toPublicJWK());
        }

        @Override
        public Optional<JWSSigner> activeSigner(String kid) {
            return "active".equals(kid) ? Optional.of(signer) : Optional.empty();
        }

        private JWSSigner counting() {
            try {
                RSASSASigner rsa = new RSASSASigner(KEY);
                return new JWSSigner() {
                    @Override
                    public Base64URL sign(JWSHeader header, byte[] input) throws JOSEException {
                        ringSignatures.incrementAndGet();
                        return rsa.sign(header, input);
                    }

                    @Override
                    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
                        return rsa.supportedJWSAlgorithms();
                    }

                    @Override
                    public com.nimbusds.jose.jca.JCAContext getJCAContext() {
                        return rsa.getJCAContext();
                    }
                };
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
