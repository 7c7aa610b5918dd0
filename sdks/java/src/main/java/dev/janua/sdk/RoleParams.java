package dev.janua.sdk;

/** A custom role: key, name, permissions; {@code organizationId} (or the client's X-Organization-ID) names its organization. */
public final class RoleParams extends Params<RoleParams> {
    public static RoleParams builder() { return new RoleParams(); }

    public RoleParams name(String value) { return set("name", value); }
    public RoleParams key(String value) { return set("key", value); }
    public RoleParams description(String value) { return set("description", value); }
    public RoleParams permissions(java.util.List<String> value) { return set("permissions", value == null ? null : java.util.List.copyOf(value)); }
    public RoleParams permissions(String... values) { return set("permissions", java.util.List.of(values)); }
    public RoleParams organizationId(String value) { return set("organizationId", value); }
}
