package dev.janua.server.auth;

import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.User;

/**
 * The common end of every way in (password, magic link, and later passkeys, social, SSO): once a
 * first factor has identified the user, decide whether a second factor is due, and either start
 * the session or hand out the MFA challenge.
 */
public interface SignIns {
    /**
     * @param method      the first factor, recorded on the session and in {@code user.signin}
     * @param deviceToken a trusted-device token the client presented, or null
     */
    SignInOutcome finish(User user, String method, boolean rememberMe, String deviceToken, ClientInfo client);

    /**
     * A first factor that is multi-factor by itself (a passkey whose authenticator verified the
     * user: possession plus a PIN or biometric): the session starts without a second prompt.
     */
    SignInOutcome finishMultiFactor(User user, String method, boolean rememberMe, ClientInfo client);

    /** The MFA step ({@code POST /auth/login/mfa}): checks the code or proof, spends the challenge, starts the session. */
    SignInOutcome completeSecondFactor(String mfaToken, String method, String code, boolean trustDevice, ClientInfo client);
}
