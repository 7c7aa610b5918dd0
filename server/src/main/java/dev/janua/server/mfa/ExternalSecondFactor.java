package dev.janua.server.mfa;

import dev.janua.server.platform.web.ClientInfo;

/**
 * A second factor another module provides (a passkey): the MFA module offers it in a sign-in
 * challenge when the user has one, and asks it to check the proof sent with that method. Every
 * bean of this type is asked. Such a factor is phishing-resistant, so it also satisfies a policy
 * that requires MFA (unlike SMS).
 */
public interface ExternalSecondFactor {
    /** The wire name clients send as {@code method} (e.g. {@code passkey}). */
    String method();

    boolean enrolled(String userId);

    /**
     * @param challengeHash the MFA challenge being answered: the proof must have been made for it
     * @param proof         the client's proof as sent (for a passkey, the assertion's JSON)
     * @return true when the proof is good (it is spent then); false otherwise
     */
    boolean verify(String userId, String challengeHash, String proof, ClientInfo client);
}
