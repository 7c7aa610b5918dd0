package dev.janua.server.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * ID-token validation, OIDC Core §3.1.3.7, in the spec's order: a JWS (not {@code alg: none}, not
 * encrypted), an allowed asymmetric algorithm, the signature by a key from the provider's JWKS
 * (never a key the token itself names through {@code jwk}/{@code jku}/{@code x5u}), then
 * {@code iss} exactly, {@code aud} containing the client id, {@code azp}, {@code exp} and {@code iat}
 * within a 60-second skew, and the {@code nonce}. Time comes from the injected {@link Clock}.
 * Each failure is {@code OAUTH_CALLBACK_FAILED} with its own {@code reason}.
 */
@Component
public class IdTokenValidator {
    static final Duration SKEW = Duration.ofSeconds(60);
    private final JwksCache keys;
    private final Clock clock;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    public IdTokenValidator(JwksCache keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public ValidatedIdToken validate(String idToken, IdTokenExpectations expected) {
        if (idToken == null || idToken.isBlank()) throw FederationException.callback("id_token_missing");
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken);
        } catch (ParseException e) {
            throw FederationException.callback("id_token_malformed");
        }
        if (!(jwt instanceof SignedJWT signed)) throw FederationException.callback("id_token_unsigned");
        JWSHeader header = signed.getHeader();
        String alg = header.getAlgorithm().getName();
        if (alg.startsWith("HS") || !expected.allowedAlgs().contains(alg)) throw FederationException.callback("id_token_alg_not_allowed");
        JWK jwk = keys.key(expected.jwksUri(), header.getKeyID()).orElseThrow(() -> FederationException.callback("id_token_key_unknown"));
        if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().getName().equals(alg)) throw FederationException.callback("id_token_alg_not_allowed");
        verifySignature(signed, jwk, header.getAlgorithm());
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw FederationException.callback("id_token_malformed");
        }
        checkClaims(claims, expected);
        return new ValidatedIdToken(claims.getSubject(), claims);
    }

    private void verifySignature(SignedJWT signed, JWK jwk, JWSAlgorithm alg) {
        try {
            if (!(jwk instanceof AsymmetricJWK asymmetric)) throw FederationException.callback("id_token_key_unknown");
            Key key = asymmetric.toPublicKey();
            JWSVerifier verifier = verifiers.createJWSVerifier(new JWSHeader(alg), key);
            if (!signed.verify(verifier)) throw FederationException.callback("id_token_signature_invalid");
        } catch (JOSEException e) {
            throw FederationException.callback("id_token_signature_invalid");
        }
    }

    private void checkClaims(JWTClaimsSet c, IdTokenExpectations expected) {
        Instant now = clock.instant();
        String issuer = expected.issuer();
        if (issuer.contains("{tenantid}")) {
            Object tid = c.getClaim("tid");
            if (!(tid instanceof String t) || !t.matches("[0-9a-fA-F-]{1,64}")) throw FederationException.callback("id_token_issuer_mismatch");
            issuer = issuer.replace("{tenantid}", t);
        }
        if (!issuer.equals(c.getIssuer())) throw FederationException.callback("id_token_issuer_mismatch");
        List<String> aud = c.getAudience();
        if (aud == null || !aud.contains(expected.clientId())) throw FederationException.callback("id_token_audience_mismatch");
        Object azp = c.getClaim("azp");
        if ((aud.size() > 1 || azp != null) && !expected.clientId().equals(azp)) throw FederationException.callback("id_token_audience_mismatch");
        Date exp = c.getExpirationTime();
        if (exp == null || !exp.toInstant().plus(SKEW).isAfter(now)) throw FederationException.callback("id_token_expired");
        Date iat = c.getIssueTime();
        if (iat == null || iat.toInstant().isAfter(now.plus(SKEW))) throw FederationException.callback("id_token_issued_in_future");
        Date nbf = c.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(SKEW))) throw FederationException.callback("id_token_not_yet_valid");
        if (c.getSubject() == null || c.getSubject().isBlank()) throw FederationException.callback("id_token_subject_missing");
        if (expected.nonce() != null) {
            Object nonce = c.getClaim("nonce");
            if (!(nonce instanceof String n) || !dev.janua.server.platform.crypto.Hashes.constantTimeEquals(n, expected.nonce())) {
                throw FederationException.callback("id_token_nonce_mismatch");
            }
        }
    }
}
