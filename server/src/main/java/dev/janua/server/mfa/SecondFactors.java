package dev.janua.server.mfa;

import dev.janua.server.platform.web.ClientInfo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the sign-in flow asks of the MFA module: must this sign-in pass a second factor, the
 * challenge that carries it (a one-time {@code tmp_…} token, 5 minutes, 5 attempts), and the
 * trusted-device shortcut.
 */
public interface SecondFactors {
    /** Name of the cookie that carries a trusted-device token (the token may also be sent in the body). */
    String DEVICE_COOKIE = "janua_device";

    Decision decide(String userId, String deviceToken);

    Challenge startChallenge(String userId, boolean enrollment, String firstFactor, boolean rememberMe, ClientInfo client);

    /**
     * Checks one code against the challenge. The attempt is counted first, by one conditional
     * UPDATE that commits on its own, so a wrong code is counted even though this throws
     * ({@code INVALID_MFA_CODE}), and parallel attempts never exceed the limit.
     */
    VerifiedChallenge verify(String mfaToken, String method, String code, ClientInfo client);

    /**
     * Spends a verified challenge inside the caller's transaction (exactly once); an enrolment
     * challenge turns MFA on here. With {@code trustDevice} a device token is issued.
     */
    Completion complete(VerifiedChallenge verified, boolean trustDevice, ClientInfo client);

    /** Texts a sign-in code to the verified phone of the challenge's user. */
    SmsCodeSent sendSmsCode(String mfaToken, Locale locale, ClientInfo client);

    /**
     * The user of a live sign-in challenge and the challenge's hash, so another module's factor
     * can bind its own proof to it; {@code MFA_TOKEN_INVALID} when the token is not live.
     */
    PendingChallenge pending(String mfaToken);

    record PendingChallenge(String userId, String tokenHash, List<String> methods) {}

    enum Decision { NOT_REQUIRED, TRUSTED_DEVICE, CHALLENGE, ENROLLMENT }

    record Challenge(String token, List<String> methods, Instant expiresAt, boolean enrollment) {}

    /**
     * {@code unlocksEnrollment}: the code proved the user's enrolled SMS factor on an enrolment that
     * must first pass it; the same challenge now allows setting up an authenticator app, and no
     * session starts yet. {@code enrolledSetup}: on an enrolment, which pending set-up the code was
     * checked against (opaque); completing confirms that one or nothing.
     */
    record VerifiedChallenge(String tokenHash, String userId, String method, String firstFactor, boolean rememberMe,
                             boolean enrollment, boolean unlocksEnrollment, Instant expiresAt, String enrolledSetup) {}

    record Completion(String userId, String firstFactor, String method, boolean rememberMe, TrustedDevice trustedDevice) {}

    /** A device token: the raw value goes to the client once; only its hash is kept. */
    record TrustedDevice(String id, String token, Instant expiresAt) {}

    record SmsCodeSent(String phoneNumberHint, Instant expiresAt) {}
}
