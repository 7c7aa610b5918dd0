package dev.janua.server.tokens.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.janua.server.metrics.DomainMetrics;
import dev.janua.server.platform.cache.Invalidations;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.tokens.AccessTokens;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Access tokens per RFC 9068 ({@code typ: at+jwt}) with claims iss, aud, sub, sid, iat, nbf, exp,
 * jti. Only the configured algorithm verifies: {@code alg: none}, HS* keyed with the public key,
 * and tokens naming their own key ({@code jku}, {@code x5u}, {@code jwk}) are refused.
 */
@Service
class JwtAccessTokens implements AccessTokens {
    static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    private final SigningKeyRing keys;
    private final IdGenerator ids;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private final JanuaProperties.Tokens config;
    private volatile Verifier verifier;
    private final VerifiedTokenCache verified;

    private record Verifier(SigningKeyRing.Snapshot keys, String issuer, DefaultJWTProcessor<SecurityContext> processor) {}

    private final DomainMetrics metrics;

    JwtAccessTokens(SigningKeyRing keys, IdGenerator ids, Clock clock, PublicUrl publicUrl, JanuaProperties properties,
                    DomainMetrics metrics, Invalidations invalidations) {
        this.metrics = metrics;
        this.verified = new VerifiedTokenCache(properties.tokens().verifiedCacheEntries());
        // a rotation announced by any node (or a lost announcement channel): start over, as the key ring reloads
        invalidations.onInvalidate(key -> {
            if (SigningKeyRing.ROTATED.equals(key) || "*".equals(key)) verified.clear();
        });
        this.keys = keys;
        this.ids = ids;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.config = properties.tokens();
    }

    @Override
    public String issuer() {
        return config.issuer().isBlank() ? publicUrl.base() : config.issuer();
    }

    @Override
    public IssuedAccessToken issue(String userId, String sessionId) {
        // not current(): a key rotated on another node must be signed with here too, within the reload interval
        SigningKeyRing.Snapshot k = keys.reloadIfStale();
        Instant now = clock.instant();
        Instant exp = now.plus(config.accessTokenTtl());
        String jti = ids.next("jti");
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer()).audience(config.audience()).subject(userId).claim("sid", sessionId)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(exp)).jwtID(jti)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(keys.algorithm()).keyID(k.activeKid()).type(TYPE).build(), claims);
        try {
            jwt.sign(k.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        metrics.tokenIssued("access", "session");
        return new IssuedAccessToken(jwt.serialize(), jti, exp, config.accessTokenTtl().toSeconds());
    }

    @Override
    public VerifiedAccessToken verify(String token) {
        Verifier v = verifier(keys.current());
        // the same token string, verified by this very verifier and not yet expired: the checks below would
        // only repeat themselves (VerifiedTokenCache says what is and is not skipped)
        VerifiedAccessToken known = verified.get(token, v, clock.instant());
        if (known != null) return known;
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw invalid("malformed");
        }
        JWSHeader h = jwt.getHeader();
        if (h.getJWKURL() != null || h.getX509CertURL() != null || h.getJWK() != null || h.getX509CertChain() != null) {
            throw invalid("embedded_key_reference");
        }
        if (!keys.algorithm().equals(h.getAlgorithm())) throw invalid("algorithm_not_allowed");
        boolean knownKid = h.getKeyID() != null && v.keys().publicSet().getKeyByKeyId(h.getKeyID()) != null;
        if (!knownKid) v = verifier(keys.reloadIfStale());
        VerifiedAccessToken result;
        try {
            JWTClaimsSet claims = v.processor().process(jwt, null);
            result = new VerifiedAccessToken(claims.getSubject(), claims.getStringClaim("sid"), claims.getJWTID(),
                    claims.getExpirationTime().toInstant());
        } catch (BadJOSEException | JOSEException | ParseException e) {
            throw invalid("verification_failed");
        }
        verified.put(token, v, result);
        return result;
    }

    private Verifier verifier(SigningKeyRing.Snapshot snapshot) {
        Verifier v = verifier;
        String iss = issuer();
        if (v != null && v.keys() == snapshot && v.issuer().equals(iss)) return v;
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
        p.setJWSKeySelector(new CachedKeySelector(keys.algorithm(), snapshot.publicSet()));
        p.setJWTClaimsSetVerifier(new AccessTokenClaimsVerifier(config.audience(), iss, clock));
        v = new Verifier(snapshot, iss, p);
        verifier = v;
        return v;
    }

    private static JanuaException invalid(String reason) {
        return new JanuaException(ErrorCode.INVALID_TOKEN, Map.of("reason", reason));
    }
}
