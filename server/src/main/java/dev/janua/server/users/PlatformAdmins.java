package dev.janua.server.users;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * The platform-admin check for admin endpoints: the caller's account must carry the admin flag
 * (the bootstrap admin from {@code JANUA_ADMIN_EMAIL} has it). Read from the database on every
 * call, so revoking admin takes effect at once.
 */
@Component
public class PlatformAdmins {
    private final UserDirectory users;

    public PlatformAdmins(UserDirectory users) {
        this.users = users;
    }

    public boolean isAdmin(Caller caller) {
        return caller != null && users.findById(caller.userId()).map(User::admin).orElse(false);
    }

    public void require(Caller caller) {
        if (!isAdmin(caller)) throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, java.util.Map.of("required", "platform_admin"));
    }
}
