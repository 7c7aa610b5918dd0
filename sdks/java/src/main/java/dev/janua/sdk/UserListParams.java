package dev.janua.sdk;

/** Filters of {@code users().list(…)}. */
public final class UserListParams extends PageParams<UserListParams> {
    public static UserListParams builder() { return new UserListParams(); }

    public UserListParams status(String value) { return set("status", value); }
    public UserListParams search(String value) { return set("search", value); }
    public UserListParams email(String value) { return set("email", value); }
    public UserListParams emailVerified(Boolean value) { return set("emailVerified", value); }
    public UserListParams organizationId(String value) { return set("organizationId", value); }
    public UserListParams createdAfter(java.time.Instant value) { return set("createdAfter", value == null ? null : value.toString()); }
    public UserListParams createdBefore(java.time.Instant value) { return set("createdBefore", value == null ? null : value.toString()); }
    public UserListParams sort(String value) { return set("sort", value); }
    public UserListParams includeTotal(Boolean value) { return set("includeTotal", value); }
}
