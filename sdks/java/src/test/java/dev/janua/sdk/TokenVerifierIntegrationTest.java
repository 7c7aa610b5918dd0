package dev.janua.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.janua.sdk.errors.AuthorizationException;
import dev.janua.sdk.model.Organization;
import dev.janua.sdk.resourceserver.JanuaTokenVerifier;
import dev.janua.sdk.resourceserver.PermissionChecker;
import dev.janua.sdk.resourceserver.TokenVerificationException;
import dev.janua.sdk.resourceserver.VerifiedToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resource-server helper against the running Janua's real tokens and JWKS. */
@ExtendWith(JanuaServer.class)
class TokenVerifierIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JanuaTokenVerifier.Builder verifier() {
        return JanuaTokenVerifier.builder().issuer(JanuaServer.url());
    }

    private static String reason(JanuaTokenVerifier v, String token) {
        return assertThrows(TokenVerificationException.class, () -> v.verify(token)).reason();
    }

    /** The token with its header or payload replaced (signature kept). */
    private static String withPart(String token, int part, ObjectNode json) {
        String[] p = token.split("\\.");
        p[part] = Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
        return String.join(".", p);
    }

    private static ObjectNode part(String token, int part) throws Exception {
        return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[part]));
    }

    @Test
    void validTokensAreAcceptedAndForgedOnesRefused() throws Exception {
        JanuaClient user = TestSupport.newUser(TestSupport.email("rs"));
        String token = user.getTokens().accessToken();
        String userId = user.auth().getCurrentUser().id();
        JanuaTokenVerifier v = verifier().build();

        VerifiedToken ok = v.verify("Bearer " + token);
        assertEquals(userId, ok.subject());
        assertTrue(ok.sessionId().startsWith("sess_"));
        assertTrue(ok.expiresAt().isAfter(Instant.now()));

        ObjectNode claims = part(token, 1);
        claims.put("sub", "usr_someone_else");
        assertEquals("invalid_signature", reason(v, withPart(token, 1, claims)));

        ObjectNode header = part(token, 0);
        assertEquals("invalid_type", reason(v, withPart(token, 0, header.deepCopy().put("typ", "JWT"))));
        assertEquals("algorithm_not_allowed", reason(v, withPart(token, 0, header.deepCopy().put("alg", "HS256"))));
        assertEquals("algorithm_not_allowed", reason(v, withPart(token, 0, header.deepCopy().put("alg", "none"))));
        assertEquals("embedded_key_reference", reason(v, withPart(token, 0, header.deepCopy().put("jku", "https://evil.example/jwks"))));
        assertEquals("malformed", reason(v, "not-a-jwt"));

        Clock twoHoursLater = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
        assertEquals("expired", reason(verifier().clock(twoHoursLater).build(), token));
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        assertEquals("not_yet_valid", reason(verifier().clock(anHourAgo).build(), token));
        assertEquals("invalid_audience", reason(verifier().audience("another-api").build(), token));
        assertEquals("invalid_issuer", reason(JanuaTokenVerifier.builder().issuer("https://issuer.example")
                .jwksUri(JanuaServer.url() + "/.well-known/jwks.json").build(), token));
    }

    @Test
    void unknownKidRefetchesAtMostOncePerIntervalAndRotationIsPickedUp() throws Exception {
        JanuaClient admin = TestSupport.admin();
        JanuaTokenVerifier v = verifier().minRefetchInterval(Duration.ofSeconds(30)).build();
        String before = admin.getTokens().accessToken();
        v.verify(before);
        assertEquals(1, v.jwksFetches());

        ObjectNode header = part(before, 0).put("kid", "key_unknown_to_anyone");
        assertEquals("unknown_kid", reason(v, withPart(before, 0, header)));
        assertEquals("unknown_kid", reason(v, withPart(before, 0, header)));
        assertEquals(1, v.jwksFetches(), "unknown kids within the interval do not refetch");

        // an admin rotates the signing key: the next token has a new kid, the verifier fetches the JWKS and accepts it
        JanuaTokenVerifier fresh = verifier().minRefetchInterval(Duration.ZERO).build();
        fresh.verify(before);
        String oldKid = part(before, 0).get("kid").asText();
        String activeKid = admin.admin().rotateSigningKeys().path("activeKid").asText();
        assertNotEquals(oldKid, activeKid);
        String after = admin.auth().refreshToken().accessToken();
        assertEquals(activeKid, part(after, 0).get("kid").asText());
        assertEquals(admin.auth().getCurrentUser().id(), fresh.verify(after).subject());
        assertEquals(2, fresh.jwksFetches(), "the new kid caused one refetch");
        fresh.verify(before); // tokens of the previous key stay valid during the overlap
    }

    @Test
    void permissionsAreCheckedWithJanuaWhenTheTokenCarriesNone() {
        JanuaClient owner = TestSupport.newUser(TestSupport.email("rs-owner"));
        Organization org = owner.organizations().create(OrganizationParams.builder().name("RS Org"));
        JanuaClient outsider = TestSupport.newUser(TestSupport.email("rs-outsider"));
        JanuaClient admin = TestSupport.admin();
        PermissionChecker checker = new PermissionChecker(verifier().build(), admin);

        String ownerToken = owner.getTokens().accessToken();
        assertTrue(checker.isAllowed(ownerToken, org.id(), "members:read", "roles:write"));
        assertEquals(owner.auth().getCurrentUser().id(), checker.require(ownerToken, org.id(), "members:invite").subject());
        String outsiderToken = outsider.getTokens().accessToken();
        assertFalse(checker.isAllowed(outsiderToken, org.id(), "members:read"));
        assertEquals("INSUFFICIENT_PERMISSIONS", assertThrows(AuthorizationException.class,
                () -> checker.require(outsiderToken, org.id(), "members:read")).code());
        assertThrows(TokenVerificationException.class, () -> checker.isAllowed(ownerToken + "x", org.id(), "members:read"));
    }
}
