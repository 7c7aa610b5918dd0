package dev.janua.server.tokens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.crypto.RsaSignatures;
import dev.janua.server.support.TestProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class Rs256SignerTest {
    private static final JWSHeader HEADER = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build();
    private static final byte[] INPUT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theJdkSignsUntilTheNativeProviderIsReadyThenTheNativeOneSignsTheSameBytes() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        RsaSignatures signatures = new RsaSignatures(properties("auto"));
        Rs256Signer signer = new Rs256Signer(key, signatures);

        assertThat(signer.implementation()).isEqualTo("java");
        Base64URL byJdk = signer.sign(HEADER, INPUT);

        signatures.loadNativeIfAuto();
        assertThat(signer.implementation()).isEqualTo("native");
        Base64URL byNative = signer.sign(HEADER, INPUT);

        // PKCS#1 v1.5 is deterministic: the switch changes no token
        assertThat(byNative).isEqualTo(byJdk);
        assertThat(new RSASSAVerifier(key.toPublicJWK()).verify(HEADER, INPUT, byNative)).isTrue();
        byte[] other = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3JfMiJ9".getBytes(StandardCharsets.US_ASCII);
        assertThat(new RSASSAVerifier(key.toPublicJWK()).verify(HEADER, other, byNative)).as("bound to its input").isFalse();
    }

    private static JanuaProperties properties(String rsaImplementation) {
        return TestProperties.defaults(Path.of("unused"), rsaImplementation);
    }

    @Test
    void javaKeepsTheJdk() throws Exception {
        RsaSignatures signatures = new RsaSignatures(properties("java"));
        signatures.loadNativeIfAuto();
        Rs256Signer signer = new Rs256Signer(new RSAKeyGenerator(2048).keyID("k2").generate(), signatures);
        assertThat(signer.implementation()).isEqualTo("java");
    }
}
