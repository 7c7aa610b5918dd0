package dev.janua.server.social.domain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Sign in with Apple's client secret: not a fixed string but an ES256 JWT the client signs with
 * its private key from the Apple developer account ("Creating a client secret", Apple's
 * <i>Generate and validate tokens</i>): header {@code kid} = the key id; claims {@code iss} = the
 * team id, {@code iat}, {@code exp} (at most six months later; Janua makes a fresh one valid five
 * minutes for each token request), {@code aud} = {@code https://appleid.apple.com}, {@code sub} =
 * the client id (the Services ID).
 */
public final class AppleClientSecret {
    public static final String AUDIENCE = "https://appleid.apple.com";
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private AppleClientSecret() {}

    public static String create(String teamId, String keyId, String clientId, String privateKeyPem, Instant now) {
        if (teamId == null || keyId == null || privateKeyPem == null) throw new IllegalArgumentException("Apple needs teamId, keyId and the private key");
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).type(JOSEObjectType.JWT).build(),
                    new JWTClaimsSet.Builder().issuer(teamId).subject(clientId).audience(AUDIENCE).issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plus(LIFETIME))).build());
            jwt.sign(new ECDSASigner(privateKey(privateKeyPem)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the Apple private key cannot sign ES256", e);
        }
    }

    /** The PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) Apple's {@code .p8} download contains. */
    public static ECPrivateKey privateKey(String pem) {
        try {
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not a PKCS#8 EC private key", e);
        }
    }
}
