package dev.janua.server.organizations.domain;

import dev.janua.server.organizations.OrganizationAccess.Access;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.rbac.PermissionSet;
import dev.janua.server.rbac.SystemRole;
import java.util.Map;

/**
 * No one hands out more than they hold: granting a role (by invitation, role change or API key)
 * needs every permission it carries, and only owners (or platform admins) make or unmake owners.
 */
public final class GrantRules {
    private GrantRules() {}

    public static void requireMayGrant(Access actor, String roleId, PermissionSet granted) {
        if (SystemRole.OWNER.id().equals(roleId) && !actor.mayManageOwners()) {
            throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("required", "owner", "reason", "owner_required"));
        }
        if (!actor.permissions().covers(granted)) {
            throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("reason", "cannot_grant_more_than_held"));
        }
    }

    /** Changing or removing an owner's membership is for owners only. */
    public static void requireMayTouch(Access actor, String targetRoleId) {
        if (SystemRole.OWNER.id().equals(targetRoleId) && !actor.mayManageOwners()) {
            throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("required", "owner", "reason", "owner_required"));
        }
    }
}
