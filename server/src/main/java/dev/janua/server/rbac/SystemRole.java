package dev.janua.server.rbac;

import static dev.janua.server.rbac.PermissionCatalogue.MEMBERS_INVITE;
import static dev.janua.server.rbac.PermissionCatalogue.MEMBERS_READ;
import static dev.janua.server.rbac.PermissionCatalogue.ORGANIZATION_DELETE;
import static dev.janua.server.rbac.PermissionCatalogue.ORGANIZATION_READ;
import static dev.janua.server.rbac.PermissionCatalogue.ROLES_READ;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The four roles every organization has, with fixed permissions. Owners hold everything in the
 * organization; admins everything but deleting it (and, by {@code organizations} rules, they cannot
 * touch owners); members see the organization and invite; viewers only look.
 */
public enum SystemRole {
    OWNER("Owner", "Full control of the organization, including deleting it and managing owners",
            PermissionSet.allExcept(List.of())),
    ADMIN("Administrator", "Full access to the organization except deleting it or changing its owners",
            PermissionSet.allExcept(List.of(ORGANIZATION_DELETE))),
    MEMBER("Member", "Sees the organization and its members, and invites people",
            PermissionSet.of(List.of(ORGANIZATION_READ, MEMBERS_READ, ROLES_READ, MEMBERS_INVITE))),
    VIEWER("Viewer", "Read-only access to the organization and its members",
            PermissionSet.of(List.of(ORGANIZATION_READ, MEMBERS_READ, ROLES_READ)));

    private final String displayName;
    private final String description;
    private final PermissionSet permissions;

    SystemRole(String displayName, String description, PermissionSet permissions) {
        this.displayName = displayName;
        this.description = description;
        this.permissions = permissions;
    }

    /** {@code owner}, {@code admin}, … : what the API shows as the member's role. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code role_owner}, … : the stable id, the same in every organization. */
    public String id() {
        return "role_" + key();
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public PermissionSet permissions() {
        return permissions;
    }

    /** By key ({@code admin}) or id ({@code role_admin}), case-insensitive. */
    public static Optional<SystemRole> find(String ref) {
        if (ref == null) return Optional.empty();
        String r = ref.trim().toLowerCase(Locale.ROOT);
        for (SystemRole role : values()) {
            if (role.key().equals(r) || role.id().equals(r)) return Optional.of(role);
        }
        return Optional.empty();
    }
}
