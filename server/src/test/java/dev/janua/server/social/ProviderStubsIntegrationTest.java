package dev.janua.server.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.janua.server.support.Api;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GitHub, Discord, X and Apple as WireMock stubs of their documented endpoints, and a stub OpenID
 * Provider whose ID tokens the test forges, for the ID-token negative suite.
 */
class ProviderStubsIntegrationTest extends SocialTestSupport {
    static WireMockServer wm;
    static RSAKey signing;
    static RSAKey other;
    static KeyPair appleKey;

    @BeforeAll
    static void startStubs() throws Exception {
        wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wm.start();
        signing = new RSAKeyGenerator(2048).keyID("k1").generate();
        other = new RSAKeyGenerator(2048).keyID("k1").generate();
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        appleKey = g.generateKeyPair();
        String jwks = new JWKSet(signing.toPublicJWK()).toString();
        wm.stubFor(get(urlPathEqualTo("/apple/auth/keys")).willReturn(json(jwks)));
        wm.stubFor(get(urlPathEqualTo("/neg/jwks")).willReturn(json(jwks)));
        wm.stubFor(get(urlPathEqualTo("/neg/.well-known/openid-configuration")).willReturn(json("""
                {"issuer":"%1$s/neg","authorization_endpoint":"%1$s/neg/authorize","token_endpoint":"%1$s/neg/token",
                 "jwks_uri":"%1$s/neg/jwks","id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"]}"""
                .formatted(wm.baseUrl()))));
    }

    @AfterAll
    static void stopStubs() {
        wm.stop();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The provider sends the browser back to Janua with a code and the state it was given. */
    private String providerRedirect(Started s, String provider) {
        return "/api/v1/auth/oauth/" + provider + "/callback?code=" + UUID.randomUUID() + "&state=" + enc(s.params().get("state"));
    }

    private static Map<String, String> form(LoggedRequest r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : r.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    private LoggedRequest lastTokenRequest(String path) {
        List<LoggedRequest> all = wm.findAll(postRequestedFor(urlPathEqualTo(path)));
        return all.get(all.size() - 1);
    }

    @Test
    void githubUsesThePrimaryVerifiedEmail() {
        configure("github", "clientId", "gh-client", "clientSecret", "gh-secret", "authorizationUrl", wm.baseUrl() + "/login/oauth/authorize",
                "tokenUrl", wm.baseUrl() + "/login/oauth/access_token", "userinfoUrl", wm.baseUrl() + "/gh/user");
        String email = uniqueEmail("octo");
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits());
        wm.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).willReturn(json("{\"access_token\":\"gho_1\",\"token_type\":\"bearer\"}")));
        wm.stubFor(get(urlPathEqualTo("/gh/user")).withHeader("Authorization", containing("Bearer gho_1"))
                .willReturn(json("{\"id\":" + id + ",\"login\":\"octo\",\"name\":\"Octo Cat\",\"email\":\"public-" + email + "\"}")));
        wm.stubFor(get(urlPathEqualTo("/gh/user/emails")).willReturn(json("[{\"email\":\"other-" + email
                + "\",\"primary\":false,\"verified\":true},{\"email\":\"" + email + "\",\"primary\":true,\"verified\":true}]")));
        String app = registeredRedirect("gh");
        Started s = start("github", app, "gh-state");
        assertThat(s.providerUrl()).startsWith(wm.baseUrl() + "/login/oauth/authorize");
        Api.Response r = exchange("github", callback(s, providerRedirect(s, "github")));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.text("/user/email")).isEqualTo(email);
        assertThat(r.json().path("user").path("emailVerified").asBoolean()).isTrue();
        assertThat(r.json().path("isNewUser").asBoolean()).isTrue();
        Map<String, String> token = form(lastTokenRequest("/login/oauth/access_token"));
        assertThat(token).containsEntry("client_secret", "gh-secret").containsKey("code_verifier");
        assertThat(token.get("redirect_uri")).endsWith("/api/v1/auth/oauth/github/callback");

        // a linked identity cannot be the last way in: this account has no password
        String access = Api.bearer(r.text("/tokens/accessToken"));
        String identity = api.get("/api/v1/users/me/identities", "Authorization", access).json().path("data").get(0).path("id").asString();
        Api.Response last = api.delete("/api/v1/users/me/identities/" + identity, null, "Authorization", access);
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.errorCode()).isEqualTo("LAST_SIGN_IN_METHOD");
    }

    @Test
    void discordAndXSignIn() {
        configure("discord", "clientId", "dc-client", "clientSecret", "dc-secret", "authorizationUrl", wm.baseUrl() + "/discord/authorize",
                "tokenUrl", wm.baseUrl() + "/discord/api/oauth2/token", "userinfoUrl", wm.baseUrl() + "/discord/api/users/@me");
        configure("twitter", "clientId", "x-client", "clientSecret", "x-secret", "authorizationUrl", wm.baseUrl() + "/x/i/oauth2/authorize",
                "tokenUrl", wm.baseUrl() + "/x/2/oauth2/token", "userinfoUrl", wm.baseUrl() + "/x/2/users/me?user.fields=confirmed_email");
        String dEmail = uniqueEmail("discord");
        wm.stubFor(post(urlPathEqualTo("/discord/api/oauth2/token")).willReturn(json("{\"access_token\":\"dc_1\",\"token_type\":\"Bearer\"}")));
        wm.stubFor(get(urlPathEqualTo("/discord/api/users/@me")).willReturn(json("{\"id\":\"" + UUID.randomUUID()
                + "\",\"username\":\"wumpus\",\"global_name\":\"Wumpus\",\"email\":\"" + dEmail + "\",\"verified\":true,\"avatar\":\"abc\"}")));
        String xEmail = uniqueEmail("x");
        wm.stubFor(post(urlPathEqualTo("/x/2/oauth2/token")).willReturn(json("{\"access_token\":\"x_1\",\"token_type\":\"bearer\"}")));
        wm.stubFor(get(urlPathEqualTo("/x/2/users/me")).willReturn(json("{\"data\":{\"id\":\"" + UUID.randomUUID()
                + "\",\"name\":\"X User\",\"username\":\"xuser\",\"confirmed_email\":\"" + xEmail + "\"}}")));
        String app = registeredRedirect("dx");

        Started d = start("discord", app, "d");
        Api.Response dr = exchange("discord", callback(d, providerRedirect(d, "discord")));
        assertThat(dr.status()).as(dr.raw().body()).isEqualTo(200);
        assertThat(dr.text("/user/email")).isEqualTo(dEmail);
        assertThat(lastTokenRequest("/discord/api/oauth2/token").getHeader("Authorization")).startsWith("Basic ");

        Started x = start("twitter", app, "x");
        assertThat(x.params()).containsEntry("code_challenge_method", "S256");
        Api.Response xr = exchange("twitter", callback(x, providerRedirect(x, "twitter")));
        assertThat(xr.status()).as(xr.raw().body()).isEqualTo(200);
        assertThat(xr.text("/user/email")).isEqualTo(xEmail);
        LoggedRequest xt = lastTokenRequest("/x/2/oauth2/token");
        assertThat(xt.getHeader("Authorization")).startsWith("Basic ");
        assertThat(form(xt).get("code_verifier")).matches("[A-Za-z0-9_-]{43}");
    }

    private static String signed(RSAKey key, JWSAlgorithm alg, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void appleFormPostWithEs256ClientSecret() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(appleKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        configure("apple", "clientId", "com.example.web", "clientSecret", pem, "issuer", wm.baseUrl() + "/apple",
                "authorizationUrl", wm.baseUrl() + "/apple/auth/authorize", "tokenUrl", wm.baseUrl() + "/apple/auth/token",
                "jwksUrl", wm.baseUrl() + "/apple/auth/keys", "settings", Map.of("teamId", "TEAM123456", "keyId", "KEY1234567"));
        String app = registeredRedirect("apple");
        Started s = start("apple", app, "apple-state");
        assertThat(s.params()).containsEntry("response_mode", "form_post");
        String email = uniqueEmail("apple");
        Instant now = Instant.now();
        String idToken = signed(signing, JWSAlgorithm.RS256, new JWTClaimsSet.Builder().issuer(wm.baseUrl() + "/apple")
                .audience("com.example.web").subject("001234." + UUID.randomUUID()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).claim("nonce", s.params().get("nonce")).claim("email", email)
                .claim("email_verified", "true").build());
        wm.stubFor(post(urlPathEqualTo("/apple/auth/token")).willReturn(json("{\"access_token\":\"a1\",\"token_type\":\"Bearer\",\"id_token\":\""
                + idToken + "\"}")));
        // Apple posts the form cross-site: Janua keeps the name and bounces to a GET that carries the binding cookie
        var posted = s.browser().post("/api/v1/auth/oauth/apple/callback", Map.of("code", "c1", "state", s.params().get("state"),
                "user", "{\"name\":{\"firstName\":\"Jony\",\"lastName\":\"Appleseed\"},\"email\":\"" + email + "\"}"));
        assertThat(posted.statusCode()).isEqualTo(303);
        Api.Response r = exchange("apple", callback(s, location(posted)));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.text("/user/firstName")).isEqualTo("Jony");
        assertThat(r.json().path("user").path("emailVerified").asBoolean()).isTrue();
        SignedJWT secret = SignedJWT.parse(form(lastTokenRequest("/apple/auth/token")).get("client_secret"));
        assertThat(secret.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(secret.getHeader().getKeyID()).isEqualTo("KEY1234567");
        assertThat(secret.verify(new ECDSAVerifier((ECPublicKey) appleKey.getPublic()))).isTrue();
        assertThat(secret.getJWTClaimsSet().getIssuer()).isEqualTo("TEAM123456");
        assertThat(secret.getJWTClaimsSet().getSubject()).isEqualTo("com.example.web");
        assertThat(secret.getJWTClaimsSet().getAudience()).containsExactly("https://appleid.apple.com");
    }

    /** ID tokens that must each be refused; built from the flow's real nonce. */
    @Test
    void idTokenNegativeSuite() throws Exception {
        configure("neg-oidc", "kind", "oidc", "clientId", "neg-client", "clientSecret", "neg-secret", "issuer", wm.baseUrl() + "/neg");
        String app = registeredRedirect("neg");
        String iss = wm.baseUrl() + "/neg";
        Map<String, Function<String, String>> cases = new LinkedHashMap<>();
        cases.put("wrong nonce", n -> token(signing, claims(iss, "neg-client", "not-" + n, 600)));
        cases.put("no nonce", n -> token(signing, claims(iss, "neg-client", null, 600)));
        cases.put("another issuer", n -> token(signing, claims("https://evil.example", "neg-client", n, 600)));
        cases.put("another audience", n -> token(signing, claims(iss, "other-client", n, 600)));
        cases.put("two audiences, azp another client", n -> token(signing, new JWTClaimsSet.Builder(claims(iss, "neg-client", n, 600))
                .audience(List.of("neg-client", "other-client")).claim("azp", "other-client").build()));
        cases.put("expired", n -> token(signing, claims(iss, "neg-client", n, -600)));
        cases.put("issued in the future", n -> token(signing, new JWTClaimsSet.Builder(claims(iss, "neg-client", n, 7200))
                .issueTime(Date.from(Instant.now().plusSeconds(3600))).build()));
        cases.put("alg none", n -> new PlainJWT(new PlainHeader(), claims(iss, "neg-client", n, 600)).serialize());
        cases.put("HS256 with the client secret", n -> {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(iss, "neg-client", n, 600));
                jwt.sign(new MACSigner("neg-secret-neg-secret-neg-secret-32bytes!"));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        cases.put("signed by another key with the same kid", n -> token(other, claims(iss, "neg-client", n, 600)));
        cases.put("signature stripped", n -> {
            String t = token(signing, claims(iss, "neg-client", n, 600));
            return t.substring(0, t.lastIndexOf('.') + 1);
        });
        cases.put("payload swapped after signing", n -> {
            String good = token(signing, claims(iss, "neg-client", n, 600));
            String[] parts = good.split("\\.");
            String evil = Base64.getUrlEncoder().withoutPadding().encodeToString(claims(iss, "neg-client", n, 600).toString()
                    .replace("\"sub\":\"", "\"sub\":\"admin-").getBytes(StandardCharsets.UTF_8));
            return parts[0] + "." + evil + "." + parts[2];
        });
        cases.put("no id_token at all", n -> null);
        int accepted = 0;
        for (Map.Entry<String, Function<String, String>> c : cases.entrySet()) {
            Started s = start("neg-oidc", app, "neg");
            String idToken = c.getValue().apply(s.params().get("nonce"));
            wm.stubFor(post(urlPathEqualTo("/neg/token")).willReturn(json("{\"access_token\":\"n1\",\"token_type\":\"Bearer\""
                    + (idToken == null ? "" : ",\"id_token\":\"" + idToken + "\"") + "}")));
            String back = callback(s, providerRedirect(s, "neg-oidc"));
            if (back.contains("code=")) accepted++;
            else assertThat(query(back)).as(c.getKey()).containsEntry("error", "oauth_callback_failed");
        }
        assertThat(accepted).as("forged ID tokens accepted out of " + cases.size()).isZero();

        // the same provider with a genuine token signs in (so the refusals above are about the tokens)
        Started ok = start("neg-oidc", app, "ok");
        JWTClaimsSet good = new JWTClaimsSet.Builder(claims(iss, "neg-client", ok.params().get("nonce"), 600))
                .claim("email", uniqueEmail("neg")).claim("email_verified", true).build();
        wm.stubFor(post(urlPathEqualTo("/neg/token")).willReturn(json("{\"access_token\":\"n1\",\"token_type\":\"Bearer\",\"id_token\":\""
                + token(signing, good) + "\"}")));
        assertThat(callback(ok, providerRedirect(ok, "neg-oidc"))).contains("code=oac_");
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/neg/token")).withRequestBody(matching(".*code_verifier=.*")))).isNotEmpty();
    }

    private static JWTClaimsSet claims(String iss, String aud, String nonce, long expiresIn) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(iss).audience(aud).subject("neg-" + UUID.randomUUID())
                .issueTime(Date.from(now.minusSeconds(expiresIn < 0 ? 1200 : 0))).expirationTime(Date.from(now.plusSeconds(expiresIn)));
        if (nonce != null) b.claim("nonce", nonce);
        return b.build();
    }

    private static String token(RSAKey key, JWTClaimsSet claims) {
        try {
            return signed(key, JWSAlgorithm.RS256, claims);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
