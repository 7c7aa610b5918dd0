package dev.janua.sdk;

/** Changes to one's own profile ({@code auth().updateProfile(…)}); only the fields set are changed. */
public final class ProfileParams extends Params<ProfileParams> {
    public static ProfileParams builder() { return new ProfileParams(); }

    public ProfileParams firstName(String value) { return set("firstName", value); }
    public ProfileParams lastName(String value) { return set("lastName", value); }
    public ProfileParams username(String value) { return set("username", value); }
    public ProfileParams phoneNumber(String value) { return set("phoneNumber", value); }
    public ProfileParams profileImageUrl(String value) { return set("profileImageUrl", value); }
    public ProfileParams bio(String value) { return set("bio", value); }
    public ProfileParams timezone(String value) { return set("timezone", value); }
    public ProfileParams locale(String value) { return set("locale", value); }
    public ProfileParams metadata(java.util.Map<String, Object> value) { return set("metadata", value); }
}
