package dev.janua.server.admin.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.janua.server.users.Suspension;
import dev.janua.server.users.User;
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
        User u = m.user();
        boolean locked = u.lockedAt(now);
        Instant until = locked && u.lockedUntil().isBefore(User.LOCKED_INDEFINITELY) ? u.lockedUntil() : null;
        return new AdminUserView(UserView.of(u), u.failedAttempts(), locked, until, m.suspension());
    }
}
