package dev.janua.server.mfa.app;

import dev.janua.server.mfa.persistence.JdbcFactorRepository;
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
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator removes a user's second factors (a lost phone): authenticator app, SMS factor,
 * backup codes and trusted devices go, {@code mfaEnabled} is cleared, and {@code mfa.reset} names the
 * admin. The user signs in with the password alone and enrols again (an organization that requires
 * MFA sends them to enrol at the next sign-in). A platform admin's own factors take an admin in person.
 */
@Service
public class MfaReset {
    private final JdbcFactorRepository factors;
    private final TrustedDeviceService devices;
    private final UserDirectory users;
    private final PlatformAdmins admins;
    private final EventPublisher events;

    public MfaReset(JdbcFactorRepository factors, TrustedDeviceService devices, UserDirectory users, PlatformAdmins admins,
                    EventPublisher events) {
        this.factors = factors;
        this.devices = devices;
        this.users = users;
        this.admins = admins;
        this.events = events;
    }

    @Transactional
    public void reset(Caller caller, String userId, ClientInfo client) {
        admins.require(caller, PermissionCatalogue.USERS_WRITE);
        User user = users.findById(userId).orElseThrow(() -> JanuaException.of(ErrorCode.USER_NOT_FOUND, "userId", userId));
        if (user.admin()) admins.require(caller);
        factors.deleteTotp(userId);
        factors.deleteBackupCodes(userId);
        factors.deleteSmsFactor(userId);
        devices.revokeAll(userId, client);
        users.setMfaEnabled(userId, false);
        events.publish(DomainEvent.of("mfa.reset", userId, caller.actorId(), Map.of("userId", userId)), client);
    }
}
