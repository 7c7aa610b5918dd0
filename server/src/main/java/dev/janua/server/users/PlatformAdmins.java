package dev.janua.server.users;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.rbac.PermissionSet;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The platform-admin check for admin endpoints: the caller's account must carry the admin flag
 * (the bootstrap admin from {@code JANUA_ADMIN_EMAIL} has it). Read through the per-node user cache,
 * which every write to the user empties at commit (here at once, other nodes through NOTIFY), so
 * revoking admin takes effect as a sign-out does. Server-side code may pass with a platform-scoped
 * API key that holds the permission the endpoint names ({@link #require(Caller, String)}).
 */
@Component
public class PlatformAdmins {
    private final UserDirectory users;

    public PlatformAdmins(UserDirectory users) {
        this.users = users;
    }

    /** A signed-in user with the admin flag (API keys are never platform admins). */
    public boolean isAdmin(Caller caller) {
        return caller != null && !caller.isApiKey() && users.findByIdCached(caller.userId()).map(User::admin).orElse(false);
    }

    /** A platform admin, or a platform-scoped API key holding {@code permission}. */
    public boolean allows(Caller caller, String permission) {
        if (caller == null) return false;
        if (caller.isApiKey()) {
            return caller.apiKey().platformScoped() && PermissionSet.of(caller.apiKey().permissions()).grants(permission);
        }
        return isAdmin(caller);
    }

    /** Platform admins only: for what no API key may do (granting admin, managing platform keys). */
    public void require(Caller caller) {
        if (!isAdmin(caller)) throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("required", "platform_admin"));
    }

    public void require(Caller caller, String permission) {
        if (!allows(caller, permission)) {
            throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("required", "platform_admin", "permission", permission));
        }
    }
}
