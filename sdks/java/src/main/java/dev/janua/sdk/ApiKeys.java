package dev.janua.sdk;

import dev.janua.sdk.model.ApiKey;

/** API keys for server-side code ({@code sk_…}). */
public final class ApiKeys extends Namespace {
    ApiKeys(Transport t) { super(t); }

    /** {@code POST /api-keys}: the answer carries the secret {@link ApiKey#key()} — the only time it is shown. */
    public ApiKey create(ApiKeyParams params) {
        return new ApiKey(post("/api-keys", params.toMap(), Credential.ANY));
    }

    /** {@code GET /api-keys} ({@code organizationId} filter via {@link ListParams#organizationId}). */
    public Page<ApiKey> list(ListParams params) {
        return page("/api-keys", params, Credential.ANY, ApiKey::new);
    }

    public Page<ApiKey> list() { return list(null); }

    /** {@code GET /api-keys/{id}} of a platform key, or of the client's active organization. */
    public ApiKey get(String keyId) { return get(keyId, (String) null); }

    /** {@code GET /api-keys/{id}} of an organization's key. */
    public ApiKey get(String keyId, String organizationId) {
        return new ApiKey(t.call("GET", "/api-keys/" + seg(keyId), null, null, Credential.ANY, org(organizationId)));
    }

    /** {@code DELETE /api-keys/{id}} of a platform key, or of the client's active organization: it stops working at once. */
    public ApiKey revoke(String keyId) { return revoke(keyId, (String) null); }

    /** {@code DELETE /api-keys/{id}} of an organization's key. */
    public ApiKey revoke(String keyId, String organizationId) {
        return new ApiKey(t.call("DELETE", "/api-keys/" + seg(keyId), null, null, Credential.ANY, org(organizationId)));
    }

    private static java.util.Map<String, String> org(String organizationId) {
        return organizationId == null ? java.util.Map.of() : java.util.Map.of("X-Organization-ID", organizationId);
    }
}
