package dev.janua.server.admin.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.janua.server.users.Suspension;
import dev.janua.server.users.User;
import dev.janua.server.users.UserAdministration.ManagedUser;
import dev.janua.server.users.UserView;
import java.time.Instant;

/** A user as administrators see it: the usual fields, plus lockout and suspension. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdminUserView(@JsonUnwrapped UserView user, Integer failedAttempts, Instant lockedUntil, Suspension suspension) {

    public static AdminUserView of(ManagedUser m) {
        User u = m.user();
        Instant locked = u.lockedUntil() != null && u.lockedUntil().isBefore(User.LOCKED_INDEFINITELY) ? u.lockedUntil() : null;
        return new AdminUserView(UserView.of(u), u.failedAttempts(), locked, m.suspension());
    }
}
