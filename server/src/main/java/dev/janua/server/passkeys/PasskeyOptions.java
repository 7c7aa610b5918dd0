package dev.janua.server.passkeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The options of the two ceremonies in WebAuthn Level 3's JSON forms, ready for
 * {@code PublicKeyCredential.parseCreationOptionsFromJSON} / {@code parseRequestOptionsFromJSON}
 * (binary members as base64url). {@code challengeId} is Janua's addition (the SDKs echo it back;
 * browsers ignore unknown members).
 */
public final class PasskeyOptions {
    private PasskeyOptions() {}

    /** PublicKeyCredentialCreationOptionsJSON (WebAuthn L3 §5.1.9). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Creation(Rp rp, UserEntity user, String challenge, List<Param> pubKeyCredParams, long timeout,
                           List<Descriptor> excludeCredentials, Selection authenticatorSelection, List<String> hints,
                           String attestation, Map<String, Object> extensions, String challengeId) {}

    /** PublicKeyCredentialRequestOptionsJSON (WebAuthn L3 §5.1.10). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String challenge, long timeout, String rpId, List<Descriptor> allowCredentials,
                          String userVerification, List<String> hints, String challengeId) {}

    public record Rp(String id, String name) {}

    /** {@code id} is the user handle, base64url; Janua uses the bytes of the user id (opaque, no personal data). */
    public record UserEntity(String id, String name, String displayName) {}

    public record Param(String type, long alg) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Descriptor(String type, String id, List<String> transports) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Selection(String authenticatorAttachment, String residentKey, boolean requireResidentKey, String userVerification) {}
}
