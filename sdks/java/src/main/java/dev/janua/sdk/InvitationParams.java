package dev.janua.sdk;

/** An invitation: the address and the role (a system role key, or {@code customRole} with a custom role's id or key). */
public final class InvitationParams extends Params<InvitationParams> {
    public static InvitationParams builder() { return new InvitationParams(); }

    public InvitationParams email(String value) { return set("email", value); }
    public InvitationParams role(String value) { return set("role", value); }
    public InvitationParams customRole(String value) { return set("customRole", value); }
    public InvitationParams permissions(java.util.List<String> value) { return set("permissions", value == null ? null : java.util.List.copyOf(value)); }
    public InvitationParams permissions(String... values) { return set("permissions", java.util.List.of(values)); }
    public InvitationParams message(String value) { return set("message", value); }
    public InvitationParams expiresIn(Long value) { return set("expiresIn", value); }
}
