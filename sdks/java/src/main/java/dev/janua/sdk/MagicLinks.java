package dev.janua.sdk;

import dev.janua.sdk.model.MagicLinkSent;
import dev.janua.sdk.model.SignInResult;

/** Password-less sign-in by email link. */
public final class MagicLinks extends Namespace {
    MagicLinks(Transport t) { super(t); }

    /** {@code POST /auth/magic-link/send}: the same answer whether or not the address has an account. */
    public MagicLinkSent send(String email) {
        return send(email, null);
    }

    /** With {@code redirectUrl} (an allowed origin), the link lands there with a one-time {@code code} for {@link #exchange}. */
    public MagicLinkSent send(String email, String redirectUrl) {
        return new MagicLinkSent(post("/auth/magic-link", body("email", email, "redirectUrl", redirectUrl), Credential.NONE));
    }

    /** {@code POST /auth/magic-link/verify} with the link's token; the client keeps the session. */
    public SignInResult verify(String token) {
        return signedIn("/auth/magic-link/verify", body("token", token), Credential.NONE);
    }

    /** {@code POST /auth/magic-link/exchange} with the {@code code} a redirect carried; the client keeps the session. */
    public SignInResult exchange(String code) {
        return signedIn("/auth/magic-link/exchange", body("code", code), Credential.NONE);
    }
}
