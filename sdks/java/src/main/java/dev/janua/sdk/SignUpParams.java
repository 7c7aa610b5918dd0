package dev.janua.sdk;

/** Body of {@code auth().signUp(…)}. */
public final class SignUpParams extends Params<SignUpParams> {
    public static SignUpParams builder() { return new SignUpParams(); }

    public SignUpParams email(String value) { return set("email", value); }
    public SignUpParams password(String value) { return set("password", value); }
    public SignUpParams firstName(String value) { return set("firstName", value); }
    public SignUpParams lastName(String value) { return set("lastName", value); }
    public SignUpParams name(String value) { return set("name", value); }
    public SignUpParams username(String value) { return set("username", value); }
    public SignUpParams metadata(java.util.Map<String, Object> value) { return set("metadata", value); }
}
