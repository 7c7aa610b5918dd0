package dev.janua.server.passkeys;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.platform.web.ClientInfo;
import java.util.List;

/**
 * What other modules (the hosted pages) may ask of the passkeys module: the two ceremonies, the
 * sign-in they end in, and the owner's list. Credentials travel as the JSON the browser's
 * {@code PublicKeyCredential.toJSON()} produces, unchanged.
 */
public interface Passkeys {
    /** {@code userVerification}/{@code authenticatorAttachment}/{@code residentKey}: the caller's wishes, or null for the configured defaults. */
    record Preferences(String userVerification, String authenticatorAttachment, String residentKey, String displayName) {
        public static final Preferences DEFAULT = new Preferences(null, null, null, null);
    }

    PasskeyOptions.Creation registrationOptions(String userId, Preferences preferences, ClientInfo client);

    /** Verifies the attestation and stores the passkey; publishes {@code passkey.created}. */
    PasskeyView register(String userId, String credentialJson, String name, ClientInfo client);

    /** {@code email} null or blank: usernameless (discoverable credentials, conditional mediation). */
    PasskeyOptions.Request authenticationOptions(String email, ClientInfo client);

    /** Options for answering a sign-in's MFA challenge with a passkey (after a password). */
    PasskeyOptions.Request secondFactorOptions(String mfaToken, ClientInfo client);

    /**
     * Verifies an assertion and finishes the sign-in: a passkey whose authenticator verified the
     * user is multi-factor by itself (no second prompt, {@code amr} says {@code mfa}); one that
     * did not goes through the usual second-factor decision.
     */
    SignedIn signIn(String credentialJson, boolean rememberMe, String deviceToken, ClientInfo client);

    /** {@code amr}: RFC 8176 method references of this sign-in. */
    record SignedIn(SignInOutcome outcome, List<String> amr, String passkeyId) {}

    List<PasskeyView> list(String userId);

    PasskeyView rename(String userId, String passkeyId, String name, ClientInfo client);

    /** Refused ({@code PASSKEY_LAST_CREDENTIAL}) when it is the last passkey of an account without a password. */
    void delete(String userId, String passkeyId, ClientInfo client);

    /** The same, done by someone else (a platform admin in the console): {@code passkey.deleted} names them as the actor. */
    void delete(String userId, String passkeyId, String actorId, ClientInfo client);
}
