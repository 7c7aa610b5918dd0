package dev.janua.server.organizations;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.rbac.PermissionSet;
import dev.janua.server.rbac.SystemRole;
import java.util.Map;

/**
 * The authorization decision of every organization-scoped endpoint. A caller who is not a member
 * (or an API key of another organization) gets 404 {@code ORGANIZATION_NOT_FOUND} whether or not
 * the organization exists, so other organizations' ids reveal nothing; a member lacking the
 * permission gets 403 {@code INSUFFICIENT_PERMISSIONS}. Platform admins (and platform-scoped API
 * keys, within their permissions) reach every organization.
 */
public interface OrganizationAccess {
    Access resolve(Caller caller, String organizationId);

    default Access require(Caller caller, String organizationId, String permission) {
        return resolve(caller, organizationId).require(permission);
    }

    /** How the caller stands in one organization. {@code roleId} is null for API keys and non-member admins. */
    record Access(String organizationId, Caller caller, String roleId, PermissionSet permissions, String source) {
        public static final String MEMBER = "member";
        public static final String PLATFORM_ADMIN = "platform_admin";
        public static final String API_KEY = "api_key";

        public boolean can(String permission) {
            return permissions.grants(permission);
        }

        public Access require(String permission) {
            if (!can(permission)) {
                throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("required", permission));
            }
            return this;
        }

        public boolean isOwner() {
            return SystemRole.OWNER.id().equals(roleId);
        }

        /** Owners and platform admins may touch owners; no one else may. */
        public boolean mayManageOwners() {
            return isOwner() || PLATFORM_ADMIN.equals(source);
        }
    }
}
