package dev.janua.server.passkeys.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.passkeys.SoftAuthenticator;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The two ceremonies without a server: WebAuthn L3 §7.1 and §7.2 as webauthn4j checks them, with Janua's error codes. */
class WebAuthnCeremonyTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RelyingParty RP = RelyingParty.of("https://example.com", null, null, null);
    private final WebAuthnCeremony ceremony = new WebAuthnCeremony();
    private final SoftAuthenticator authenticator = new SoftAuthenticator("https://example.com");

    private JsonNode creation(String challenge) {
        return JSON.valueToTree(Map.of("challenge", challenge, "rp", Map.of("id", "example.com"), "user", Map.of("id", "dXNyXzE")));
    }

    private JsonNode request(String challenge) {
        return JSON.valueToTree(Map.of("challenge", challenge, "rpId", "example.com"));
    }

    private WebAuthnCeremony.StoredCredential register() {
        String challenge = SoftAuthenticator.b64(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        var parsed = ceremony.parseRegistration(JSON.writeValueAsString(authenticator.create(creation(challenge))));
        assertThat(parsed.challenge()).isEqualTo(challenge);
        var c = ceremony.verifyRegistration(parsed, RP, true);
        assertThat(c.userVerified()).isTrue();
        assertThat(c.backupEligible()).isTrue();
        assertThat(c.transports()).containsExactly("hybrid", "internal");
        assertThat(c.format()).isEqualTo("none");
        return new WebAuthnCeremony.StoredCredential(c.credentialId(), c.publicKeyCose(), c.signCount(), c.userVerified(),
                c.backupEligible(), c.backedUp(), c.transports());
    }

    @Test
    void aRegisteredCredentialVerifiesItsAssertionsAndTheirCounter() {
        WebAuthnCeremony.StoredCredential stored = register();
        var parsed = ceremony.parseAssertion(JSON.writeValueAsString(authenticator.get(request("AAAAAAAAAAAAAAAAAAAAAA"))));
        assertThat(parsed.credentialId()).isEqualTo(stored.credentialId());
        var verified = ceremony.verifyAssertion(parsed, RP, stored, List.of(stored.credentialId()), true);
        assertThat(verified.signCount()).isEqualTo(1);
        assertThat(verified.userVerified()).isTrue();

        WebAuthnCeremony.StoredCredential later = new WebAuthnCeremony.StoredCredential(stored.credentialId(), stored.publicKeyCose(),
                5, true, true, true, Set.of());
        var again = ceremony.parseAssertion(JSON.writeValueAsString(authenticator.get(request("AAAAAAAAAAAAAAAAAAAAAA"))));
        assertThatThrownBy(() -> ceremony.verifyAssertion(again, RP, later, null, false))
                .isInstanceOfSatisfying(JanuaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PASSKEY_COUNTER_REGRESSION));
    }

    @Test
    void anotherRelyingPartyIsRefused() {
        WebAuthnCeremony.StoredCredential stored = register();
        var parsed = ceremony.parseAssertion(JSON.writeValueAsString(authenticator.get(request("AAAAAAAAAAAAAAAAAAAAAA"))));
        RelyingParty other = RelyingParty.of("https://example.org", null, null, null);
        assertThatThrownBy(() -> ceremony.verifyAssertion(parsed, other, stored, null, false))
                .isInstanceOfSatisfying(JanuaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PASSKEY_ORIGIN_MISMATCH));
    }

    @Test
    void garbageIsMalformedNotAServerError() {
        for (String json : List.of("{}", "{\"id\":\"x\",\"response\":{}}", "{\"id\":\"x\",\"rawId\":\"x\",\"type\":\"public-key\","
                + "\"response\":{\"clientDataJSON\":\"e30\",\"attestationObject\":\"oA\"}}", "not json")) {
            assertThatThrownBy(() -> ceremony.parseRegistration(json)).as(json)
                    .isInstanceOfSatisfying(JanuaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PASSKEY_MALFORMED));
            assertThatThrownBy(() -> ceremony.parseAssertion(json)).as(json)
                    .isInstanceOfSatisfying(JanuaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PASSKEY_MALFORMED));
        }
    }
}
