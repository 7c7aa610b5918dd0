package dev.janua.server.passkeys.app;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.webauthn.*} ({@code JANUA_WEBAUTHN_*}). {@code rpId} defaults to the host of
 * {@code JANUA_BASE_URL}; {@code origins} (comma-separated in the environment) to its origin —
 * list every web origin under the rp id and every app origin ({@code android:apk-key-hash:…})
 * that may use the passkeys. {@code residentKey} and {@code userVerification} are WebAuthn's
 * {@code required | preferred | discouraged}; {@code attestation} is {@code none} or {@code direct}.
 */
@ConfigurationProperties("janua.webauthn")
public record WebAuthnProperties(
        @DefaultValue("") String rpId,
        @DefaultValue("Janua") String rpName,
        @DefaultValue("") List<String> origins,
        @DefaultValue("preferred") String residentKey,
        @DefaultValue("preferred") String userVerification,
        @DefaultValue("none") String attestation,
        @DefaultValue("5m") Duration challengeTtl) {}
