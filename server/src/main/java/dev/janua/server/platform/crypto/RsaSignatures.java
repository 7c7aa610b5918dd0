package dev.janua.server.platform.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import dev.janua.server.platform.config.JanuaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who computes RS256 signatures (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 section 3.3): AWS-LC, through the
 * Amazon Corretto Crypto Provider, when its native library loads on this machine (Linux x86-64) and
 * reproduces the signature of RFC 7515 appendix A.2; the JDK's own provider otherwise. An RS256
 * signature is most of a refresh's CPU time; AWS-LC computes one in about a quarter of the JDK's time
 * (BENCHMARKS.md). PKCS#1 v1.5 signatures are deterministic, so both give the same bytes for the same
 * key and input — the switch is invisible to every verifier.
 *
 * <p>{@code janua.tokens.rsa-implementation}: {@code auto} (default) loads the native provider in the
 * background once the server is ready (the load costs 0.2–0.4 s of CPU that the start-up should not wait
 * for; until then the JDK signs); {@code native} loads it before the server starts and refuses to start
 * without it; {@code java} never loads it.
 */
@Component
public final class RsaSignatures {
    private static final Logger log = LoggerFactory.getLogger(RsaSignatures.class);
    public static final String ALGORITHM = "SHA256withRSA";
    private static final Set<String> CHOICES = Set.of("auto", "native", "java");

    private final String implementation;
    private final Supplier<Provider> loadNative;
    /** Set once the native provider has loaded and passed the known answer; null until then (or for ever). */
    private volatile Provider nativeProvider;

    @Autowired
    public RsaSignatures(JanuaProperties properties) {
        this(properties.tokens().rsaImplementation(), RsaSignatures::amazonCorrettoCryptoProvider);
    }

    /** With the native loader given (tests stand in a machine without the library, or a wrong one). */
    RsaSignatures(String implementation, Supplier<Provider> loadNative) {
        this.implementation = choice(implementation);
        this.loadNative = loadNative;
        if (this.implementation.equals("native")) nativeProvider = verified(loadNative.get());
    }

    /** The normalised choice; throws on anything but auto, native or java (checked when configuration binds). */
    public static String choice(String implementation) {
        String c = implementation == null || implementation.isBlank() ? "auto" : implementation.trim().toLowerCase(Locale.ROOT);
        if (!CHOICES.contains(c)) {
            throw new IllegalArgumentException("janua.tokens.rsa-implementation (JANUA_TOKENS_RSA_IMPLEMENTATION)"
                    + " must be auto, native or java, not '" + implementation + "'");
        }
        return c;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadInBackgroundOnceReady() {
        if (implementation.equals("auto")) Thread.ofPlatform().daemon().name("rsa-native-init").start(this::loadNativeIfAuto);
    }

    /** For {@code auto}: load and check the native provider now, on the caller's thread; logs the outcome once. */
    public void loadNativeIfAuto() {
        if (!implementation.equals("auto") || nativeProvider != null) return;
        try {
            nativeProvider = verified(loadNative.get());
            log.info("RS256 signatures: AWS-LC ({})", nativeProvider.getInfo());
        } catch (Throwable unavailable) { // UnsatisfiedLinkError, NoClassDefFoundError, an unhealthy library, a wrong answer
            log.info("RS256 signatures: the JDK's; the native AWS-LC provider (Linux x86-64 only, about 4x faster) is not"
                    + " used: {}", unavailable.toString());
        }
    }

    /** The native provider once it is loaded and verified. */
    public Optional<Provider> nativeProvider() {
        return Optional.ofNullable(nativeProvider);
    }

    /**
     * The key as the provider's own object: its signatures then skip converting the key on every call
     * (which costs about as much as the signature itself).
     */
    public static PrivateKey providerKey(Provider provider, PrivateKey key) throws GeneralSecurityException {
        return (PrivateKey) KeyFactory.getInstance("RSA", provider).translateKey(key);
    }

    /** The provider itself, once it has reproduced RFC 7515 appendix A.2's RS256 signature; throws otherwise. */
    static Provider verified(Provider provider) {
        try {
            if (!MessageDigest.isEqual(KnownAnswer.sign(provider), KnownAnswer.SIGNATURE)) {
                throw new IllegalStateException(provider.getName() + " does not reproduce RFC 7515 appendix A.2's RS256 signature");
            }
            return provider;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(provider.getName() + " cannot compute an RS256 signature", e);
        }
    }

    private static Provider amazonCorrettoCryptoProvider() {
        var accp = com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
        accp.assertHealthy(); // throws when the native library did not load or failed its self-tests
        return accp;
    }

    /** RFC 7515 appendix A.2: the example RSA key, signing input and signature. */
    static final class KnownAnswer {
        static final String N = "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-"
                + "yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2C"
                + "apHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";
        static final String E = "AQAB";
        static final String D = "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2NXOoAJe4"
                + "6sui395IW_GO-pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn439X0M_V51gfpRLI9JYanrC4D4qAdGcopV_0ZHHzQlB"
                + "judU2QvXt4ehNYTCBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pIuhLhBOneufuBiB4cS98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ";
        static final String P = "4BzEEOtIpmVdVEZNCqS7baC4crd0pqnRH_5IB3jw3bcxGn6QLvnEtfdUdiYrqBdss1l58BQ3KhooKeQTa9AB0Hw_Py5PJdTJ"
                + "NPY8cQn7ouZ2KKDcmnPGBY5t7yLc1QlQ5xHdwW1VhvKn-nXqhJTBgIPgtldC-KDV5z-y2XDwGUc";
        static final String Q = "uQPEfgmVtjL0Uyyx88GZFF1fOunH3-7cepKmtH4pxhtCoHqpWmT8YAmZxaewHgHAjLYsp1ZSe7zFYHj7C6ul7TjeLQeZD_Yw"
                + "D66t62wDmpe_HlB-TnBA-njbglfIsRLtXlnDzQkv5dTltRJ11BKBBypeeF6689rjcJIDEz9RWdc";
        static final byte[] SIGNING_INPUT = ("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxl"
                + "LmNvbS9pc19yb290Ijp0cnVlfQ").getBytes(StandardCharsets.US_ASCII);
        static final byte[] SIGNATURE = Base64.getUrlDecoder().decode("cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZ"
                + "mh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMH"
                + "lb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5"
                + "AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw");

        private KnownAnswer() {}

        /** The example key with its CRT parameters (the RFC gives n, e, d, p, q; the rest follow from them). */
        static RSAPrivateCrtKeySpec key() {
            BigInteger n = number(N), e = number(E), d = number(D), p = number(P), q = number(Q);
            return new RSAPrivateCrtKeySpec(n, e, d, p, q, d.mod(p.subtract(BigInteger.ONE)), d.mod(q.subtract(BigInteger.ONE)),
                    q.modInverse(p));
        }

        /** The provider's signature of the example input, with the key as the provider's own object. */
        static byte[] sign(Provider provider) throws GeneralSecurityException {
            PrivateKey jdkKey = KeyFactory.getInstance("RSA").generatePrivate(key());
            Signature s = Signature.getInstance(ALGORITHM, provider);
            s.initSign(providerKey(provider, jdkKey));
            s.update(SIGNING_INPUT);
            return s.sign();
        }

        private static BigInteger number(String base64url) {
            return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
        }
    }
}
