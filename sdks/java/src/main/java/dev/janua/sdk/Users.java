package dev.janua.sdk;

import dev.janua.sdk.model.Ack;
import dev.janua.sdk.model.AdminUser;
import dev.janua.sdk.model.PermissionCheck;
import dev.janua.sdk.model.UserRoles;

import java.util.List;
import java.util.Map;

/** Users as an administrator manages them (platform admin session or API key), plus role and permission look-ups. */
public final class Users extends Namespace {
    Users(Transport t) { super(t); }

    /** {@code GET /users}. */
    public Page<AdminUser> list(UserListParams params) {
        return page("/users", params, Credential.ADMIN, AdminUser::new);
    }

    public Page<AdminUser> list() { return list(null); }

    /** {@code GET /users/{id}}. */
    public AdminUser get(String userId) {
        return new AdminUser(get("/users/" + seg(userId), Credential.ADMIN));
    }

    /** {@code GET /users/by-email}. */
    public AdminUser getByEmail(String email) {
        return new AdminUser(get("/users/by-email", Map.of("email", email), Credential.ADMIN));
    }

    /** {@code POST /users}. */
    public AdminUser create(UserParams params) {
        return new AdminUser(post("/users", params.toMap(), Credential.ADMIN));
    }

    /** {@code PATCH /users/{id}}: only the fields set change. */
    public AdminUser update(String userId, UserParams params) {
        return new AdminUser(patch("/users/" + seg(userId), params.toMap(), Credential.ADMIN));
    }

    /** Changes the email address ({@code PATCH /users/{id}}). */
    public AdminUser updateEmail(String userId, String email) {
        return update(userId, UserParams.builder().email(email));
    }

    /** {@code DELETE /users/{id}}. */
    public Ack delete(String userId) {
        return new Ack(delete("/users/" + seg(userId), Credential.ADMIN));
    }

    /** {@code POST /admin/users/{id}/suspend}: the user's sessions end and sign-in is refused. */
    public AdminUser suspend(String userId, String reason) {
        return new AdminUser(post("/admin/users/" + seg(userId) + "/suspend", body("reason", reason), Credential.ADMIN));
    }

    /** {@code POST /admin/users/{id}/unsuspend}. */
    public AdminUser unsuspend(String userId) {
        return new AdminUser(post("/admin/users/" + seg(userId) + "/unsuspend", null, Credential.ADMIN));
    }

    /** {@code POST /admin/users/{id}/unlock}: clears a lockout after failed sign-ins. */
    public AdminUser unlock(String userId) {
        return new AdminUser(post("/admin/users/" + seg(userId) + "/unlock", null, Credential.ADMIN));
    }

    /** {@code GET /users/{id}/roles}: the user's role and permissions per organization. */
    public UserRoles getRoles(String userId) { return getRoles(userId, null); }

    public UserRoles getRoles(String userId, String organizationId) {
        Map<String, Object> q = organizationId == null ? Map.of() : Map.of("organizationId", organizationId);
        return new UserRoles(get("/users/" + seg(userId) + "/roles", q, Credential.ANY));
    }

    /** {@code POST /users/{id}/permissions/check}: may the user do all of this in the organization? */
    public PermissionCheck checkPermissions(String userId, String organizationId, List<String> permissions) {
        Map<String, Object> context = organizationId == null ? null : Map.of("organizationId", organizationId);
        return new PermissionCheck(post("/users/" + seg(userId) + "/permissions/check",
                body("permissions", List.copyOf(permissions), "context", context), Credential.ANY));
    }

    /** Whether the user holds one permission in the organization. */
    public boolean hasPermission(String userId, String organizationId, String permission) {
        return checkPermissions(userId, organizationId, List.of(permission)).granted();
    }
}
