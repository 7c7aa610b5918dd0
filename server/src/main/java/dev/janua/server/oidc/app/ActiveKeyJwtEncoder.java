package dev.janua.server.oidc.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.janua.server.tokens.SigningKeys;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.jwt.JoseHeaderNames;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;

/**
 * The OpenID Provider's token encoder (access and ID tokens at {@code /oauth2/token}): signs with the key ring's own
 * signer for the active key — the one Janua's API tokens use, RS256 by AWS-LC once loaded (a quarter of the JDK's
 * cost per signature, BENCHMARKS.md) — instead of the signer Spring's {@code NimbusJwtEncoder} builds with the JDK's
 * provider. PKCS#1 v1.5 and the claims are the same, so the tokens are the same bytes either way.
 *
 * <p>{@link OidcTokens} pins every token's {@code alg} and {@code kid} to the active key. Anything else — a header
 * carrying more than {@code alg}, {@code kid}, {@code typ} and custom parameters, or a key rotated between pinning
 * and signing — goes to the fallback encoder unchanged, which answers exactly as before.
 */
public final class ActiveKeyJwtEncoder implements JwtEncoder {
    /** Registered JOSE headers this encoder writes itself; any other registered one goes to the fallback. */
    private static final Set<String> OWN_HEADERS = Set.of(JoseHeaderNames.ALG, JoseHeaderNames.KID, JoseHeaderNames.TYP);

    private final SigningKeys keys;
    private final JwtEncoder fallback;

    public ActiveKeyJwtEncoder(SigningKeys keys, JwtEncoder fallback) {
        this.keys = keys;
        this.fallback = fallback;
    }

    @Override
    public Jwt encode(JwtEncoderParameters parameters) throws JwtEncodingException {
        JwsHeader headers = parameters.getJwsHeader();
        if (headers == null || headers.getKeyId() == null || !onlyOwnHeaders(headers)) return fallback.encode(parameters);
        Optional<JWSSigner> signer = keys.activeSigner(headers.getKeyId());
        if (signer.isEmpty()) return fallback.encode(parameters);
        JwtClaimsSet claims = parameters.getClaims();
        SignedJWT jwt = new SignedJWT(header(headers), claims(claims));
        try {
            jwt.sign(signer.get());
        } catch (JOSEException e) {
            throw new JwtEncodingException("An error occurred while attempting to encode the Jwt: " + e.getMessage(), e);
        }
        return new Jwt(jwt.serialize(), claims.getIssuedAt(), claims.getExpiresAt(), headers.getHeaders(), claims.getClaims());
    }

    private static boolean onlyOwnHeaders(JwsHeader headers) {
        for (String name : headers.getHeaders().keySet()) {
            if (JWSHeader.getRegisteredParameterNames().contains(name) && !OWN_HEADERS.contains(name)) return false;
        }
        return true;
    }

    static JWSHeader header(JwsHeader headers) {
        JWSHeader.Builder b = new JWSHeader.Builder(JWSAlgorithm.parse(headers.getAlgorithm().getName())).keyID(headers.getKeyId());
        if (headers.getType() != null && !headers.getType().isEmpty()) b.type(new JOSEObjectType(headers.getType()));
        headers.getHeaders().forEach((name, value) -> {
            if (!JWSHeader.getRegisteredParameterNames().contains(name)) b.customParam(name, value);
        });
        return b.build();
    }

    /** Registered claims in their JWT forms (times as {@code Date}, the issuer as a string), the rest as given. */
    static JWTClaimsSet claims(JwtClaimsSet claims) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
        Object issuer = claims.getClaim("iss");
        if (issuer != null) b.issuer(issuer.toString());
        if (claims.getSubject() != null && !claims.getSubject().isEmpty()) b.subject(claims.getSubject());
        if (claims.getAudience() != null && !claims.getAudience().isEmpty()) b.audience(claims.getAudience());
        if (claims.getExpiresAt() != null) b.expirationTime(Date.from(claims.getExpiresAt()));
        if (claims.getNotBefore() != null) b.notBeforeTime(Date.from(claims.getNotBefore()));
        if (claims.getIssuedAt() != null) b.issueTime(Date.from(claims.getIssuedAt()));
        if (claims.getId() != null && !claims.getId().isEmpty()) b.jwtID(claims.getId());
        for (Map.Entry<String, Object> c : claims.getClaims().entrySet()) {
            if (!JWTClaimsSet.getRegisteredNames().contains(c.getKey())) b.claim(c.getKey(), c.getValue());
        }
        return b.build();
    }
}
