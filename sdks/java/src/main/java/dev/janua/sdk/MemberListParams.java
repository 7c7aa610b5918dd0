package dev.janua.sdk;

/** Filters of {@code organizations().listMembers(…)}. */
public final class MemberListParams extends PageParams<MemberListParams> {
    public static MemberListParams builder() { return new MemberListParams(); }

    public MemberListParams role(String value) { return set("role", value); }
    public MemberListParams search(String value) { return set("search", value); }
}
