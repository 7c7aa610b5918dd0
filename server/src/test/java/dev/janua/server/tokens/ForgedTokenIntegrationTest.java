package dev.janua.server.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.tokens.app.SigningKeyRing;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Forged and tampered access tokens are refused with 401 (SECURITY.md, "Tokens and sessions"). */
class ForgedTokenIntegrationTest extends IntegrationTest {
    @Autowired
    SigningKeyRing keys;
    @Autowired
    AccessTokens tokens;

    private Api.Response user;
    private SignedJWT genuine;

    @BeforeEach
    void signUpUser() throws Exception {
        user = signUp(uniqueEmail("forge"));
        genuine = SignedJWT.parse(accessToken(user));
        assertThat(me(accessToken(user))).isEqualTo(200);
    }

    @Test
    void algNoneIsRefused() {
        PlainJWT plain = new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(), claims(b -> {}));
        assertThat(me(plain.serialize())).isEqualTo(401);
        // and the "none" header with the real signature stripped
        String[] parts = accessToken(user).split("\\.");
        String noneHeader = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(me(noneHeader + "." + parts[1] + ".")).isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedEvenWithTheRightKid() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        assertThat(me(sign(new RSASSASigner(attacker), JWSAlgorithm.RS256, header -> {}, b -> {}))).isEqualTo(401);
    }

    @Test
    void hs256KeyedWithThePublicKeyIsRefused() throws Exception {
        String publicJwk = keys.current().publicSet().getKeys().getFirst().toJSONString();
        byte[] secret = publicJwk.getBytes(StandardCharsets.UTF_8);
        assertThat(me(sign(new MACSigner(secret), JWSAlgorithm.HS256, h -> {}, b -> {}))).isEqualTo(401);
    }

    @Test
    void tokensPointingAtTheirOwnKeysAreRefused() throws Exception {
        JWSSigner real = keys.current().signer();
        assertThat(me(sign(real, JWSAlgorithm.RS256, h -> h.jwkURL(URI.create("https://evil.example/jwks.json")), b -> {}))).isEqualTo(401);
        RSAKey attacker = new RSAKeyGenerator(2048).generate();
        assertThat(me(sign(new RSASSASigner(attacker), JWSAlgorithm.RS256, h -> h.jwk(attacker.toPublicJWK()), b -> {}))).isEqualTo(401);
    }

    @Test
    void wrongIssuerAudienceTypeOrMissingClaimsAreRefusedThoughSignedWithTheRealKey() throws Exception {
        JWSSigner real = keys.current().signer();
        // control: a token built by this test the same way as the server's is accepted
        assertThat(me(sign(real, JWSAlgorithm.RS256, h -> {}, b -> {}))).isEqualTo(200);
        assertThat(me(sign(real, JWSAlgorithm.RS256, h -> {}, b -> b.issuer("https://evil.example")))).isEqualTo(401);
        assertThat(me(sign(real, JWSAlgorithm.RS256, h -> {}, b -> b.audience("someone-else")))).isEqualTo(401);
        assertThat(me(sign(real, JWSAlgorithm.RS256, h -> h.type(JOSEObjectType.JWT), b -> {}))).isEqualTo(401);
        assertThat(me(sign(real, JWSAlgorithm.RS256, h -> {}, b -> b.claim("sid", null)))).isEqualTo(401);
        assertThat(me(sign(real, JWSAlgorithm.RS256, h -> {}, b -> b.notBeforeTime(Date.from(clock.instant().plusSeconds(600)))))).isEqualTo(401);
        // a valid signature for another user's id with this user's session: refused by the session binding
        assertThat(me(sign(real, JWSAlgorithm.RS256, h -> {}, b -> b.subject("usr_someoneelse")))).isEqualTo(401);
    }

    @Test
    void anIssueTimeInTheFutureBeyondTheClockSkewIsRefusedThoughSignedWithTheRealKey() throws Exception {
        JWSSigner real = keys.current().signer();
        // nbf stays "now": only iat is in the future, which Nimbus alone would accept
        assertThat(me(sign(real, JWSAlgorithm.RS256, h -> {}, b -> b.issueTime(Date.from(clock.instant().plusSeconds(600))))))
                .isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", "Authorization", Api.bearer(sign(real, JWSAlgorithm.RS256, h -> {},
                b -> b.issueTime(Date.from(clock.instant().plusSeconds(600)))))).errorCode()).isEqualTo("INVALID_TOKEN");
        // within the allowed skew (60 s) a slightly fast issuer clock is tolerated
        assertThat(me(sign(real, JWSAlgorithm.RS256, h -> {}, b -> b.issueTime(Date.from(clock.instant().plusSeconds(20))))))
                .isEqualTo(200);
    }

    @Test
    void expiredTokensAreRefused() {
        String token = accessToken(user);
        clock.advance(Duration.ofMinutes(62));
        Api.Response r = api.get("/api/v1/auth/me", "Authorization", Api.bearer(token));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = accessToken(user).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(user.text("/user/id"), "usr_01ATTACKER000000000000000");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(me(forged)).isEqualTo(401);
    }

    private int me(String token) {
        return api.get("/api/v1/auth/me", "Authorization", Api.bearer(token)).status();
    }

    private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
        try {
            JWTClaimsSet.Builder b = new JWTClaimsSet.Builder(genuine.getJWTClaimsSet())
                    .issueTime(Date.from(clock.instant())).notBeforeTime(Date.from(clock.instant()))
                    .expirationTime(Date.from(clock.instant().plusSeconds(600)));
            change.accept(b);
            return b.build();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(JWSSigner signer, JWSAlgorithm alg, Consumer<JWSHeader.Builder> header,
                        Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWSHeader.Builder h = new JWSHeader.Builder(alg).keyID(genuine.getHeader().getKeyID()).type(new JOSEObjectType("at+jwt"));
        header.accept(h);
        SignedJWT jwt = new SignedJWT(h.build(), claims(change));
        jwt.sign(signer);
        return jwt.serialize();
    }
}
