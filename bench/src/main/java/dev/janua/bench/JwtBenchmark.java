package dev.janua.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signing and verifying an access token exactly as Janua does (claims, {@code typ: at+jwt},
 * Nimbus processor with type, key and claims checks), for RS256 (default) and ES256. {@code RS256-native}:
 * RS256 through the native AWS-LC provider the server signs with on Linux x86-64 ({@code RsaSignatures}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JwtBenchmark {
    @Param({"RS256", "RS256-native", "ES256"})
    public String algorithm;

    private JWSSigner signer;
    private JWSAlgorithm alg;
    private String kid;
    private String token;
    private DefaultJWTProcessor<SecurityContext> processor;

    @Setup
    public void setUp() throws Exception {
        alg = JWSAlgorithm.parse(algorithm.replace("-native", ""));
        kid = "key_bench";
        JWKSet set;
        if (alg.equals(JWSAlgorithm.ES256)) {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
            signer = new ECDSASigner(key);
            set = new JWKSet(key.toPublicJWK());
        } else {
            RSAKey key = new RSAKeyGenerator(2048).keyID(kid).generate();
            signer = algorithm.endsWith("-native") ? nativeSigner(key) : new RSASSASigner(key);
            set = new JWKSet(key.toPublicJWK());
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(alg, new ImmutableJWKSet<>(set)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("janua",
                new JWTClaimsSet.Builder().issuer("http://localhost:8000").build(), Set.of("sub", "sid", "iat", "exp", "jti")));
        token = sign();
    }

    /** As the server's Rs256Signer once the native provider is loaded: the key translated once, the provider set. */
    private static JWSSigner nativeSigner(RSAKey key) throws Exception {
        var provider = com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
        provider.assertHealthy();
        RSASSASigner s = new RSASSASigner((PrivateKey) KeyFactory.getInstance("RSA", provider).translateKey(key.toPrivateKey()));
        s.getJCAContext().setProvider(provider);
        return s;
    }

    @Benchmark
    public String sign() throws Exception {
        Date now = new Date();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://localhost:8000").audience("janua")
                .subject("usr_01JBENCH00000000000000000").claim("sid", "sess_01JBENCH0000000000000000")
                .issueTime(now).notBeforeTime(now).expirationTime(new Date(now.getTime() + 3_600_000))
                .jwtID("jti_" + System.nanoTime()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Benchmark
    public JWTClaimsSet verify() throws Exception {
        return processor.process(SignedJWT.parse(token), null);
    }
}
