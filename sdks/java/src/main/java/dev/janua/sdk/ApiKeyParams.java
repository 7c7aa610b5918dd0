package dev.janua.sdk;

/** An API key to create; {@code scope} is {@code organization} (with {@code organizationId}) or {@code platform}. */
public final class ApiKeyParams extends Params<ApiKeyParams> {
    public static ApiKeyParams builder() { return new ApiKeyParams(); }

    public ApiKeyParams name(String value) { return set("name", value); }
    public ApiKeyParams scope(String value) { return set("scope", value); }
    public ApiKeyParams organizationId(String value) { return set("organizationId", value); }
    public ApiKeyParams permissions(java.util.List<String> value) { return set("permissions", value == null ? null : java.util.List.copyOf(value)); }
    public ApiKeyParams permissions(String... values) { return set("permissions", java.util.List.of(values)); }
    public ApiKeyParams expiresAt(java.time.Instant value) { return set("expiresAt", value == null ? null : value.toString()); }
    public ApiKeyParams expiresIn(Long value) { return set("expiresIn", value); }
}
