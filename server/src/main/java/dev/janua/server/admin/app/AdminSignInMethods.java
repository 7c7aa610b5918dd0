package dev.janua.server.admin.app;

import dev.janua.server.passkeys.PasskeyView;
import dev.janua.server.passkeys.Passkeys;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.social.app.SocialAccounts;
import dev.janua.server.social.domain.SocialIdentity;
import dev.janua.server.sso.persistence.JdbcSsoIdentities;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A platform admin looks at and removes another user's ways in: passkeys, and provider accounts
 * linked by social login; enterprise SSO links are shown. Removal is the owner's own operation
 * ({@link Passkeys#delete}, {@link SocialAccounts#unlink}) with its rules (never the last way in),
 * the admin named as the actor of {@code passkey.deleted} / {@code identity.unlinked}. Another
 * platform admin's ways in take the full platform-admin grant, as {@code MfaReset} does.
 */
@Service
public class AdminSignInMethods {
    private final Passkeys passkeys;
    private final SocialAccounts social;
    private final JdbcSsoIdentities sso;
    private final UserDirectory users;
    private final PlatformAdmins admins;

    public AdminSignInMethods(Passkeys passkeys, SocialAccounts social, JdbcSsoIdentities sso, UserDirectory users, PlatformAdmins admins) {
        this.passkeys = passkeys;
        this.social = social;
        this.sso = sso;
        this.users = users;
        this.admins = admins;
    }

    public record Methods(List<PasskeyView> passkeys, List<SocialIdentity> identities, List<JdbcSsoIdentities.Linked> ssoLinks) {}

    public Methods of(Caller caller, String userId) {
        admins.require(caller, PermissionCatalogue.USERS_READ);
        user(userId);
        return new Methods(passkeys.list(userId), social.list(userId), sso.ofUser(userId));
    }

    public void removePasskey(Caller caller, String userId, String passkeyId, ClientInfo client) {
        requireWriter(caller, userId);
        passkeys.delete(userId, passkeyId, caller.actorId(), client);
    }

    public void unlinkIdentity(Caller caller, String userId, String identityId, ClientInfo client) {
        requireWriter(caller, userId);
        social.unlink(userId, identityId, caller.actorId(), client);
    }

    private void requireWriter(Caller caller, String userId) {
        admins.require(caller, PermissionCatalogue.USERS_WRITE);
        if (user(userId).admin()) admins.require(caller);
    }

    private User user(String userId) {
        return users.findById(userId).orElseThrow(() -> JanuaException.of(ErrorCode.USER_NOT_FOUND, "userId", userId));
    }
}
