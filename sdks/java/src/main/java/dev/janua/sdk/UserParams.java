package dev.janua.sdk;

/** A user as an administrator creates or changes it ({@code users().create/update}); only the fields set are sent. */
public final class UserParams extends Params<UserParams> {
    public static UserParams builder() { return new UserParams(); }

    public UserParams email(String value) { return set("email", value); }
    public UserParams password(String value) { return set("password", value); }
    public UserParams firstName(String value) { return set("firstName", value); }
    public UserParams lastName(String value) { return set("lastName", value); }
    public UserParams username(String value) { return set("username", value); }
    public UserParams phoneNumber(String value) { return set("phoneNumber", value); }
    public UserParams profileImageUrl(String value) { return set("profileImageUrl", value); }
    public UserParams bio(String value) { return set("bio", value); }
    public UserParams timezone(String value) { return set("timezone", value); }
    public UserParams locale(String value) { return set("locale", value); }
    public UserParams metadata(java.util.Map<String, Object> value) { return set("metadata", value); }
    public UserParams emailVerified(Boolean value) { return set("emailVerified", value); }
    public UserParams isAdmin(Boolean value) { return set("isAdmin", value); }
}
