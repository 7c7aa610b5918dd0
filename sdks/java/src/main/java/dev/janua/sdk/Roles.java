package dev.janua.sdk;

import dev.janua.sdk.model.Ack;
import dev.janua.sdk.model.Role;

import java.util.List;
import java.util.Map;

/** System roles and an organization's custom roles. */
public final class Roles extends Namespace {
    Roles(Transport t) { super(t); }

    /** {@code GET /roles?organizationId=…}: the system roles and the organization's custom roles (null: the client's X-Organization-ID). */
    public List<Role> list(String organizationId) {
        Map<String, Object> q = organizationId == null ? Map.of() : Map.of("organizationId", organizationId);
        return items(get("/roles", q, Credential.ANY), Role::new);
    }

    /** {@code GET /roles/{id}}. */
    public Role get(String roleId) {
        return new Role(get("/roles/" + seg(roleId), Credential.ANY));
    }

    /** {@code POST /roles}. */
    public Role create(RoleParams params) {
        return new Role(post("/roles", params.toMap(), Credential.ANY));
    }

    /** {@code PATCH /roles/{id}}. */
    public Role update(String roleId, RoleParams params) {
        return new Role(patch("/roles/" + seg(roleId), params.toMap(), Credential.ANY));
    }

    /** {@code DELETE /roles/{id}} of the client's active organization (refused while members hold it). */
    public Ack delete(String roleId) { return delete(roleId, (String) null); }

    /** {@code DELETE /roles/{id}?organizationId=…} (refused while members hold it). */
    public Ack delete(String roleId, String organizationId) {
        Map<String, Object> q = organizationId == null ? Map.of() : Map.of("organizationId", organizationId);
        return new Ack(t.call("DELETE", "/roles/" + seg(roleId), q, null, Credential.ANY));
    }
}
