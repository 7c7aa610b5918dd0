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

    /** {@code GET /api-keys/{id}}. */
    public ApiKey get(String keyId) {
        return new ApiKey(get("/api-keys/" + seg(keyId), Credential.ANY));
    }

    /** {@code DELETE /api-keys/{id}}: the key stops working at once. */
    public ApiKey revoke(String keyId) {
        return new ApiKey(delete("/api-keys/" + seg(keyId), Credential.ANY));
    }
}
