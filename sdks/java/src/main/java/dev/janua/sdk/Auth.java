package dev.janua.sdk;

import dev.janua.sdk.model.Ack;
import dev.janua.sdk.model.SignInResult;
import dev.janua.sdk.model.Tokens;
import dev.janua.sdk.model.User;

import java.util.Map;

/** Sign-up, sign-in, sign-out, refresh, the signed-in user, passwords and email verification. */
public final class Auth extends Namespace {
    Auth(Transport t) { super(t); }

    /** {@code POST /auth/signup}; the new user is signed in (unless the server asks for email verification first). */
    public SignInResult signUp(SignUpParams params) {
        return signedIn("/auth/signup", params.toMap(), Credential.NONE);
    }

    public SignInResult signUp(String email, String password) {
        return signUp(SignUpParams.builder().email(email).password(password));
    }

    /** {@code POST /auth/signin}. When a second factor is due, {@code requiresMfa()} is true: finish with {@code mfa().verifyChallenge}. */
    public SignInResult signIn(SignInParams params) {
        return signedIn("/auth/signin", params.toMap(), Credential.NONE);
    }

    public SignInResult signIn(String email, String password) {
        return signIn(SignInParams.builder().email(email).password(password));
    }

    /** {@code POST /auth/signout}: ends the session on the server and forgets it here. */
    public Ack signOut() {
        // refresh first if due, so the body names the refresh token that is live when the call is sent
        Tokens tokens = t.session.usable();
        if (tokens == null) return new Ack(null);
        try {
            return new Ack(post("/auth/signout", body("refreshToken", tokens.refreshToken()), Credential.USER));
        } finally {
            t.session.clear();
        }
    }

    /** {@code POST /auth/refresh} now (calls share one refresh in flight); the client keeps the new pair. */
    public Tokens refreshToken() {
        return t.session.refresh(null);
    }

    /** {@code GET /auth/me}. */
    public User getCurrentUser() {
        return new User(get("/auth/me", Credential.USER));
    }

    /** {@code POST /auth/password/forgot}: the same answer whether or not the address has an account. */
    public Ack requestPasswordReset(String email) {
        return new Ack(post("/auth/password/forgot", body("email", email), Credential.NONE));
    }

    /** {@code POST /auth/password/reset} with the token from the reset email. */
    public Ack resetPassword(String token, String newPassword) {
        return new Ack(post("/auth/password/reset", body("token", token, "newPassword", newPassword), Credential.NONE));
    }

    /** {@code POST /users/me/password}. */
    public Ack changePassword(String currentPassword, String newPassword) {
        return changePassword(currentPassword, newPassword, null);
    }

    public Ack changePassword(String currentPassword, String newPassword, Boolean logoutOtherSessions) {
        return new Ack(post("/users/me/password", body("currentPassword", currentPassword, "newPassword", newPassword,
                "logoutOtherSessions", logoutOtherSessions), Credential.USER));
    }

    /** {@code POST /users/me/verify-email/send}. */
    public Ack sendVerificationEmail() {
        return new Ack(post("/users/me/verify-email/send", null, Credential.USER));
    }

    /** Confirms the address with the token from the email: signed in {@code POST /users/me/verify-email/confirm}, else {@code GET /auth/verify-email}. */
    public User verifyEmail(String token) {
        if (t.session.current() != null) return new User(post("/users/me/verify-email/confirm", body("token", token), Credential.USER));
        return new User(get("/auth/verify-email", Map.of("token", token), Credential.NONE));
    }

    /** {@code PATCH /users/me}: only the fields set change. */
    public User updateProfile(ProfileParams params) {
        return new User(patch("/users/me", params.toMap(), Credential.USER));
    }

    /** {@code DELETE /users/me}, confirmed with the password (and the confirmation word {@code DELETE}, as in Python); the session ends. */
    public Ack deleteAccount(String password) {
        return deleteAccount(password, "DELETE");
    }

    public Ack deleteAccount(String password, String confirmation) {
        Ack ack = new Ack(t.call("DELETE", "/users/me", null, body("password", password, "confirmation", confirmation), Credential.USER));
        t.session.clear();
        return ack;
    }
}
