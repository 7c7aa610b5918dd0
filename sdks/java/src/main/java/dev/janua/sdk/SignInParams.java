package dev.janua.sdk;

/** Body of {@code auth().signIn(…)}; {@code deviceToken} is a trusted-device token from an earlier MFA sign-in. */
public final class SignInParams extends Params<SignInParams> {
    public static SignInParams builder() { return new SignInParams(); }

    public SignInParams email(String value) { return set("email", value); }
    public SignInParams password(String value) { return set("password", value); }
    public SignInParams rememberMe(Boolean value) { return set("rememberMe", value); }
    public SignInParams deviceToken(String value) { return set("deviceToken", value); }
}
