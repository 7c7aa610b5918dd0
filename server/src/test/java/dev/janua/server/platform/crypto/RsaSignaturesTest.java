package dev.janua.server.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidKeyException;
import java.security.spec.InvalidKeySpecException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyFactorySpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.KeySpec;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RsaSignaturesTest {
    private static final Supplier<Provider> UNAVAILABLE = () -> {
        throw new UnsatisfiedLinkError("no native library on this machine");
    };

    @Test
    void theJdkAndAwsLcBothReproduceRfc7515AppendixA2() throws Exception {
        assertThat(RsaSignatures.KnownAnswer.sign(Signature.getInstance(RsaSignatures.ALGORITHM).getProvider()))
                .isEqualTo(RsaSignatures.KnownAnswer.SIGNATURE);
        // this project's CI runs on Linux x86-64, where the native provider must load
        RsaSignatures forced = new RsaSignatures("native", nativeLoader());
        assertThat(forced.nativeProvider()).isPresent();
        assertThat(RsaSignatures.KnownAnswer.sign(forced.nativeProvider().orElseThrow())).isEqualTo(RsaSignatures.KnownAnswer.SIGNATURE);
    }

    @Test
    void autoLoadsTheNativeProviderOnlyWhenAsked() {
        AtomicInteger loads = new AtomicInteger();
        RsaSignatures auto = new RsaSignatures("auto", () -> {
            loads.incrementAndGet();
            return nativeLoader().get();
        });
        assertThat(auto.nativeProvider()).as("nothing loaded during start-up").isEmpty();
        assertThat(loads).hasValue(0);
        auto.loadNativeIfAuto();
        auto.loadNativeIfAuto();
        assertThat(auto.nativeProvider()).isPresent();
        assertThat(loads).as("loaded once").hasValue(1);
    }

    @Test
    void aProviderWithAWrongAnswerIsRefused() {
        assertThatThrownBy(() -> RsaSignatures.verified(new SignsWithSha384()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RFC 7515");
        RsaSignatures auto = new RsaSignatures("auto", SignsWithSha384::new);
        auto.loadNativeIfAuto();
        assertThat(auto.nativeProvider()).as("auto falls back to the JDK").isEmpty();
        assertThatThrownBy(() -> new RsaSignatures("native", SignsWithSha384::new)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingLibraryFailsNativeAndFallsBackUnderAuto() {
        assertThatThrownBy(() -> new RsaSignatures("native", UNAVAILABLE)).isInstanceOf(UnsatisfiedLinkError.class);
        RsaSignatures auto = new RsaSignatures("auto", UNAVAILABLE);
        auto.loadNativeIfAuto();
        assertThat(auto.nativeProvider()).isEmpty();
    }

    @Test
    void javaNeverLoadsTheNativeLibrary() {
        RsaSignatures java = new RsaSignatures(" Java ", () -> {
            throw new AssertionError("loaded");
        });
        java.loadNativeIfAuto();
        assertThat(java.nativeProvider()).isEmpty();
    }

    @Test
    void anUnknownChoiceIsRefusedWithTheSettingsName() {
        assertThat(RsaSignatures.choice(null)).isEqualTo("auto");
        assertThat(RsaSignatures.choice("NATIVE")).isEqualTo("native");
        assertThatThrownBy(() -> RsaSignatures.choice("fast")).hasMessageContaining("JANUA_TOKENS_RSA_IMPLEMENTATION");
    }

    private static Supplier<Provider> nativeLoader() {
        return () -> {
            var accp = com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
            accp.assertHealthy();
            return accp;
        };
    }

    /** A provider whose "SHA256withRSA" is really SHA-384: a valid signature, but not RS256's. */
    static final class SignsWithSha384 extends Provider {
        SignsWithSha384() {
            super("SignsWithSha384", "1", "a wrong RS256");
            putService(new Service(this, "Signature", RsaSignatures.ALGORITHM, Sha384.class.getName(), null, null) {
                @Override
                public Object newInstance(Object parameter) {
                    return new Sha384();
                }
            });
            putService(new Service(this, "KeyFactory", "RSA", JdkKeyFactory.class.getName(), null, null) {
                @Override
                public Object newInstance(Object parameter) {
                    return new JdkKeyFactory();
                }
            });
        }
    }

    static final class Sha384 extends SignatureSpi {
        private final Signature real;

        Sha384() {
            try {
                real = Signature.getInstance("SHA384withRSA");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override protected void engineInitVerify(PublicKey key) throws InvalidKeyException { real.initVerify(key); }
        @Override protected void engineInitSign(PrivateKey key) throws InvalidKeyException { real.initSign(key); }
        @Override protected void engineUpdate(byte b) throws SignatureException { real.update(b); }
        @Override protected void engineUpdate(byte[] b, int off, int len) throws SignatureException { real.update(b, off, len); }
        @Override protected byte[] engineSign() throws SignatureException { return real.sign(); }
        @Override protected boolean engineVerify(byte[] sig) throws SignatureException { return real.verify(sig); }
        @Override @Deprecated protected void engineSetParameter(String param, Object value) { throw new UnsupportedOperationException(); }
        @Override @Deprecated protected Object engineGetParameter(String param) { throw new UnsupportedOperationException(); }
    }

    static final class JdkKeyFactory extends KeyFactorySpi {
        private final KeyFactory real;

        JdkKeyFactory() {
            try {
                real = KeyFactory.getInstance("RSA");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override protected PublicKey engineGeneratePublic(KeySpec spec) throws InvalidKeySpecException { return real.generatePublic(spec); }
        @Override protected PrivateKey engineGeneratePrivate(KeySpec spec) throws InvalidKeySpecException { return real.generatePrivate(spec); }
        @Override protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> type) throws InvalidKeySpecException { return real.getKeySpec(key, type); }
        @Override protected Key engineTranslateKey(Key key) throws InvalidKeyException { return real.translateKey(key); }
    }
}
