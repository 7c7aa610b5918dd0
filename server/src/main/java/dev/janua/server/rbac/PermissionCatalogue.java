package dev.janua.server.rbac;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The permissions Janua itself enforces, and the rules every permission string follows. Roles may
 * also carry permissions the customer's application defines ({@code content:write}): Janua stores
 * and answers for them ({@code POST /users/{id}/permissions/check}) without knowing their meaning.
 */
public final class PermissionCatalogue {
    public static final String ORGANIZATION_READ = "organization:read";
    public static final String ORGANIZATION_UPDATE = "organization:update";
    public static final String ORGANIZATION_DELETE = "organization:delete";
    public static final String MEMBERS_READ = "members:read";
    public static final String MEMBERS_INVITE = "members:invite";
    public static final String MEMBERS_UPDATE = "members:update";
    public static final String MEMBERS_REMOVE = "members:remove";
    public static final String ROLES_READ = "roles:read";
    public static final String ROLES_WRITE = "roles:write";
    public static final String API_KEYS_READ = "api_keys:read";
    public static final String API_KEYS_WRITE = "api_keys:write";
    public static final String USERS_READ = "users:read";
    public static final String USERS_WRITE = "users:write";
    public static final String USERS_DELETE = "users:delete";
    public static final String ORGANIZATIONS_READ = "organizations:read";
    public static final String ORGANIZATIONS_WRITE = "organizations:write";

    /** Every permission, and the {@code resource:*} wildcard of one resource. */
    public static final String ALL = "*";

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9_-]{0,49}(:[a-z0-9_-]{1,50}){1,2}|[a-z][a-z0-9_-]{0,49}:\\*");
    private static final int MAX_PER_GRANT = 100;

    private static final List<Permission> ENTRIES = List.of(
            org(ORGANIZATION_READ, "View Organization", "View the organization's profile and settings", "Organization"),
            org(ORGANIZATION_UPDATE, "Manage Organization", "Change the organization's profile and settings", "Organization"),
            org(ORGANIZATION_DELETE, "Delete Organization", "Delete the organization and everything in it", "Organization"),
            org(MEMBERS_READ, "View Members", "List members with their roles", "Members"),
            org(MEMBERS_INVITE, "Invite Members", "Invite people, resend and revoke invitations", "Members"),
            org(MEMBERS_UPDATE, "Manage Member Roles", "Change members' roles and permissions", "Members"),
            org(MEMBERS_REMOVE, "Remove Members", "Remove members from the organization", "Members"),
            org(ROLES_READ, "View Roles", "List the organization's roles and their permissions", "Roles"),
            org(ROLES_WRITE, "Manage Roles", "Create, change and delete custom roles", "Roles"),
            org(API_KEYS_READ, "View API Keys", "List the organization's API keys (never the secret)", "API Keys"),
            org(API_KEYS_WRITE, "Manage API Keys", "Create and revoke the organization's API keys", "API Keys"),
            org("billing:read", "View Billing", "View billing information and invoices", "Billing"),
            org("billing:write", "Manage Billing", "Change billing details and plans", "Billing"),
            platform(USERS_READ, "View Users", "View user profiles and information", "User Management"),
            platform(USERS_WRITE, "Manage Users", "Create, update, suspend, unsuspend and unlock users", "User Management"),
            platform(USERS_DELETE, "Delete Users", "Delete user accounts", "User Management"),
            platform(ORGANIZATIONS_READ, "View All Organizations", "List every organization of the installation", "Platform"),
            platform(ORGANIZATIONS_WRITE, "Create Organizations", "Create organizations for a chosen owner", "Platform"));

    private static final Map<String, Permission> BY_ID;

    static {
        Map<String, Permission> m = new java.util.LinkedHashMap<>();
        for (Permission p : ENTRIES) m.put(p.id(), p);
        BY_ID = Map.copyOf(m);
    }

    private PermissionCatalogue() {}

    public static List<Permission> all() {
        return ENTRIES;
    }

    /** The catalogue's organization-level permissions, in catalogue order. */
    public static List<String> organizationPermissions() {
        return ENTRIES.stream().filter(p -> !p.platform()).map(Permission::id).toList();
    }

    public static boolean isPlatform(String permission) {
        if (permission == null) return false;
        Permission p = BY_ID.get(permission);
        if (p != null) return p.platform();
        int colon = permission.indexOf(':');
        String resource = colon < 0 ? permission : permission.substring(0, colon);
        return resource.equals("users") || resource.equals("organizations");
    }

    /**
     * Checks the shape of each permission ({@code resource:action}, lower case, or
     * {@code resource:*}) and, for organization grants, that none is platform-level. Returns them
     * de-duplicated in the order given.
     */
    public static List<String> validate(Collection<String> permissions, boolean allowPlatform, String field) {
        if (permissions == null) return List.of();
        if (permissions.size() > MAX_PER_GRANT) invalid(field, "too_many", Map.of("max", MAX_PER_GRANT));
        Set<String> out = new LinkedHashSet<>();
        for (String p : permissions) {
            if (p == null || !SHAPE.matcher(p).matches()) invalid(field, "invalid_permission", Map.of("permission", String.valueOf(p)));
            if (!allowPlatform && isPlatform(p)) invalid(field, "platform_permission", Map.of("permission", p));
            out.add(p);
        }
        return new ArrayList<>(out);
    }

    private static void invalid(String field, String reason, Map<String, Object> extra) {
        Map<String, Object> details = new java.util.LinkedHashMap<>(extra);
        details.put("field", field);
        details.put("reason", reason);
        throw new JanuaException(ErrorCode.VALIDATION_ERROR, details);
    }

    private static Permission org(String id, String name, String description, String category) {
        return new Permission(id, name, description, category, false);
    }

    private static Permission platform(String id, String name, String description, String category) {
        return new Permission(id, name, description, category, true);
    }
}
