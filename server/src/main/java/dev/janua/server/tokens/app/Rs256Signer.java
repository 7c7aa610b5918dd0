package dev.janua.server.tokens.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.janua.server.platform.crypto.RsaSignatures;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs access tokens with the ring's RSA key through the fastest provider {@link RsaSignatures}
 * has: the JDK's until the native one is ready (it loads in the background after start-up), then the
 * native one for good. PKCS#1 v1.5 signatures are deterministic, so the switch changes no token.
 */
final class Rs256Signer implements JWSSigner {
    private static final Logger log = LoggerFactory.getLogger(Rs256Signer.class);
    private final RSAKey key;
    private final RsaSignatures signatures;
    private final RSASSASigner jdk;
    /** Built once, on the first signature after the native provider became available. */
    private volatile RSASSASigner nativeSigner;

    Rs256Signer(RSAKey key, RsaSignatures signatures) throws JOSEException {
        this.key = key;
        this.signatures = signatures;
        this.jdk = new RSASSASigner(key);
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        return current().sign(header, signingInput);
    }

    /** Which implementation signs now: "native" or "java" (for tests). */
    String implementation() {
        return current() == jdk ? "java" : "native";
    }

    private RSASSASigner current() {
        RSASSASigner n = nativeSigner;
        if (n != null) return n;
        Provider provider = signatures.nativeProvider().orElse(null);
        if (provider == null) return jdk;
        try {
            n = new RSASSASigner(RsaSignatures.providerKey(provider, key.toPrivateKey()));
            n.getJCAContext().setProvider(provider);
        } catch (GeneralSecurityException | JOSEException e) {
            // the known answer passed, so it is this key the native provider refuses: keep the JDK for it
            log.warn("RS256 signatures with key {}: the native provider refused the key ({}); the JDK signs", key.getKeyID(), e.toString());
            n = jdk;
        }
        nativeSigner = n;
        return n;
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return jdk.supportedJWSAlgorithms();
    }

    @Override
    public JCAContext getJCAContext() {
        return jdk.getJCAContext();
    }
}
