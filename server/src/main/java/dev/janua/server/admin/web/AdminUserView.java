package dev.janua.server.admin.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.janua.server.users.Suspension;
import dev.janua.server.users.PasswordChecks;
import dev.janua.server.users.UserAdministration.ManagedUser;
import dev.janua.server.users.UserView;
import java.time.Instant;

/**
 * A user as administrators see it: the usual fields, plus lockout ({@code locked}; {@code lockedUntil}
 * unless the lock lasts until a reset or unlock) and suspension.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdminUserView(@JsonUnwrapped UserView user, int failedAttempts, boolean locked, Instant lockedUntil,
                            Suspension suspension) {

    public static AdminUserView of(ManagedUser m, Instant now) {
        boolean locked = m.lockedAt(now);
        Instant until = locked && m.lockedUntil().isBefore(PasswordChecks.LOCKED_INDEFINITELY) ? m.lockedUntil() : null;
        return new AdminUserView(UserView.of(m.user()), m.failedAttempts(), locked, until, m.suspension());
    }
}
