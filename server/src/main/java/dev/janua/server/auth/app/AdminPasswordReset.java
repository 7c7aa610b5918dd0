package dev.janua.server.auth.app;

import dev.janua.server.notifications.NotificationJobs;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.domain.EmailAddress;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator sends a user the password-reset email: the same job as "forgot password"
 * ({@link PasswordResetJob}: the link is issued and mailed off the request path), queued with the
 * {@code user.password_reset_sent} event that names the admin, in one transaction. No rate limit per
 * email here: the caller is an identified admin, and every send is audited.
 */
@Service
public class AdminPasswordReset {
    private final UserDirectory users;
    private final PlatformAdmins admins;
    private final NotificationJobs jobs;
    private final EventPublisher events;

    public AdminPasswordReset(UserDirectory users, PlatformAdmins admins, NotificationJobs jobs, EventPublisher events) {
        this.users = users;
        this.admins = admins;
        this.jobs = jobs;
        this.events = events;
    }

    @Transactional
    public void send(Caller caller, String userId, Locale locale, ClientInfo client) {
        admins.require(caller, PermissionCatalogue.USERS_WRITE);
        User user = users.findById(userId).orElseThrow(() -> JanuaException.of(ErrorCode.USER_NOT_FOUND, "userId", userId));
        if (user.admin()) admins.require(caller);
        Locale language = user.locale() == null || user.locale().isBlank() ? locale : Locale.forLanguageTag(user.locale());
        jobs.enqueue(PasswordResetJob.KIND, PasswordResetJob.payload(EmailAddress.normalize(user.email()), language));
        events.publish(DomainEvent.of("user.password_reset_sent", userId, caller.actorId(), Map.of("userId", userId)), client);
    }
}
