package dev.janua.sdk;

import dev.janua.sdk.model.Permission;

import java.util.List;
import java.util.Map;

/** The permission catalogue. Checking a user's permissions: {@code users().checkPermissions(…)}. */
public final class Permissions extends Namespace {
    Permissions(Transport t) { super(t); }

    /** {@code GET /permissions}. */
    public List<Permission> list() { return list(null); }

    /** {@code GET /permissions?category=…}. */
    public List<Permission> list(String category) {
        Map<String, Object> q = category == null ? Map.of() : Map.of("category", category);
        return items(get("/permissions", q, Credential.ANY), Permission::new);
    }
}
