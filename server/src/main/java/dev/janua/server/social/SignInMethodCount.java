package dev.janua.server.social;

/**
 * A way to sign in held outside the social module (passkeys, for instance): how many a user has.
 * Unlinking a provider identity is refused when it would leave the user no way in; the password
 * and the linked identities are counted here, any other module adds a bean of this type.
 */
public interface SignInMethodCount {
    int count(String userId);
}
