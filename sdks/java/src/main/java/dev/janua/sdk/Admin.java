package dev.janua.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/** Platform administration beyond users and organizations. */
public final class Admin extends Namespace {
    Admin(Transport t) { super(t); }

    /** {@code POST /admin/signing-keys/rotate}: a new token-signing key at once; answers {@code activeKid} and the published kids. */
    public JsonNode rotateSigningKeys() {
        return post("/admin/signing-keys/rotate", null, Credential.ADMIN);
    }

    /** {@code GET /admin/health}. */
    public JsonNode health() {
        return get("/admin/health", Credential.ADMIN);
    }

    /** {@code GET /.well-known/jwks.json}: the public keys access tokens are signed with. */
    public JsonNode jwks() {
        return t.callRoot("GET", "/.well-known/jwks.json");
    }
}
