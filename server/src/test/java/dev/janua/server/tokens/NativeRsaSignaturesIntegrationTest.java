package dev.janua.server.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.janua.server.platform.crypto.RsaSignatures;
import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Once the server is ready, AWS-LC is loaded in the background (issue 16: an RS256 signature is most of a
 * refresh) and the tokens it signs are ordinary RS256 tokens: verified against the published JWKS by the
 * JDK, accepted by the API.
 */
class NativeRsaSignaturesIntegrationTest extends IntegrationTest {
    @Autowired
    RsaSignatures signatures;

    @Test
    void afterStartUpTokensAreSignedByAwsLcAndVerifyAgainstTheJwksWithTheJdk() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (signatures.nativeProvider().isEmpty() && Instant.now().isBefore(deadline)) Thread.sleep(50);
        assertThat(signatures.nativeProvider()).as("loaded in the background after ApplicationReadyEvent").isPresent();

        Api.Response user = signUp(uniqueEmail("awslc"));
        Api.Response refreshed = api.post("/api/v1/auth/refresh", Api.map("refreshToken", refreshToken(user)));
        assertThat(refreshed.status()).isEqualTo(200);
        String token = refreshed.text("/accessToken");

        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet published = JWKSet.parse(api.get("/.well-known/jwks.json").raw().body());
        RSAKey key = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(token)).status()).isEqualTo(200);
    }
}
