package dev.janua.server.passkeys.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.janua.server.auth.SignInResponse;
import dev.janua.server.passkeys.PasskeyView;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Request and response bodies of the passkey endpoints. */
final class PasskeyBodies {
    private PasskeyBodies() {}

    /** Seed 002's {@code authenticatorSelection} wishes. */
    record Selection(String authenticatorAttachment, String userVerification, String residentKey) {}

    /** Registration options: seed 000 sends {@code username}/{@code displayName}, seed 002 {@code authenticatorSelection}. */
    record RegistrationOptionsRequest(String username, String displayName, Selection authenticatorSelection) {}

    /** Sign-in options: {@code email} for allowCredentials, none for usernameless, {@code mfaToken} for the MFA step. */
    record AuthenticationOptionsRequest(@JsonAlias({"username"}) String email,
                                        @JsonAlias({"tempToken", "temp_token", "mfa_token"}) String mfaToken) {}

    record RenameRequest(@JsonAlias({"nickname", "deviceName", "displayName"}) String name) {}

    /** The answer to a registration: the stored passkey, and seed 002's {@code verified}. */
    record Registered(@JsonUnwrapped PasskeyView passkey, boolean verified) {}

    /** Every sign-in's body, plus the RFC 8176 {@code amr} of this one and the passkey used. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SignedIn(@JsonUnwrapped SignInResponse signIn, List<String> amr, String passkeyId) {}

    record PasskeyList(List<PasskeyView> data) {}

    /**
     * A ceremony's response, as sent: the bare {@code PublicKeyCredential.toJSON()} (seed 002), or
     * wrapped in {@code credential} (seeds 000, 003) beside other fields.
     */
    static JsonNode credential(JsonNode body) {
        if (body == null || !body.isObject()) throw JanuaException.of(ErrorCode.PASSKEY_MALFORMED, "reason", "body");
        if (body.has("response")) return body;
        for (String key : List.of("credential", "assertion", "attestation", "publicKeyCredential")) {
            JsonNode c = body.get(key);
            if (c != null && c.isObject()) return c;
        }
        throw JanuaException.of(ErrorCode.PASSKEY_MALFORMED, "reason", "credential_missing");
    }

    /** Whether a body carries a ceremony response (seed 000's single endpoints answer both steps). */
    static boolean hasCredential(JsonNode body) {
        return body != null && body.isObject() && (body.has("response") || body.has("credential") || body.has("assertion")
                || body.has("attestation") || body.has("publicKeyCredential"));
    }

    static String text(JsonNode body, String... keys) {
        if (body == null) return null;
        for (String k : keys) {
            JsonNode v = body.get(k);
            if (v != null && v.isString()) return v.asString();
        }
        return null;
    }

    static boolean flag(JsonNode body, String... keys) {
        if (body == null) return false;
        for (String k : keys) {
            JsonNode v = body.get(k);
            if (v != null && v.isBoolean()) return v.asBoolean();
        }
        return false;
    }
}
