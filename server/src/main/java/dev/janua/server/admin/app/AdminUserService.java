package dev.janua.server.admin.app;

import dev.janua.server.organizations.OrganizationDirectory;
import dev.janua.server.platform.crypto.PasswordHasher;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.sessions.Session;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.users.NewUser;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.users.ProfileChange;
import dev.janua.server.users.User;
import dev.janua.server.users.UserAdministration;
import dev.janua.server.users.UserAdministration.AdminChange;
import dev.janua.server.users.UserAdministration.ManagedUser;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserQuery;
import dev.janua.server.users.domain.EmailAddress;
import dev.janua.server.users.domain.PasswordPolicy;
import dev.janua.server.users.domain.ProfileRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin user API: platform admins, or platform-scoped API keys holding {@code users:read},
 * {@code users:write} or {@code users:delete}. Making someone a platform admin takes a platform
 * admin in person. Suspension ends the user's sessions in the same transaction.
 */
@Service
public class AdminUserService {
    private static final long MAX_SUSPENSION_SECONDS = Duration.ofDays(3650).toSeconds();
    private final UserAdministration administration;
    private final UserDirectory users;
    private final SessionDirectory sessions;
    private final OrganizationDirectory organizations;
    private final PlatformAdmins admins;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final EventPublisher events;
    private final Clock clock;

    public AdminUserService(UserAdministration administration, UserDirectory users, SessionDirectory sessions,
                            OrganizationDirectory organizations, PlatformAdmins admins, PasswordPolicy policy,
                            PasswordHasher hasher, EventPublisher events, Clock clock) {
        this.administration = administration;
        this.users = users;
        this.sessions = sessions;
        this.organizations = organizations;
        this.admins = admins;
        this.policy = policy;
        this.hasher = hasher;
        this.events = events;
        this.clock = clock;
    }

    public record NewUserRequest(String email, String password, String firstName, String lastName, String username,
                                 Map<String, Object> metadata, Boolean emailVerified, Boolean isAdmin) {}

    public record UserUpdate(ProfileChange profile, String email, Boolean emailVerified, Boolean isAdmin) {}

    public Page<ManagedUser> list(Caller caller, UserQuery query, PageRequest page, boolean includeTotal) {
        admins.require(caller, PermissionCatalogue.USERS_READ);
        return administration.search(query, page, includeTotal);
    }

    /** Yourself, or anyone for platform readers. */
    public ManagedUser get(Caller caller, String userId) {
        if (!userId.equals(caller.userId())) admins.require(caller, PermissionCatalogue.USERS_READ);
        return find(userId);
    }

    public ManagedUser getByEmail(Caller caller, String email) {
        admins.require(caller, PermissionCatalogue.USERS_READ);
        if (email == null || email.isBlank()) throw invalid("email", "required");
        User user = users.findByEmail(email).orElseThrow(() -> JanuaException.of(ErrorCode.USER_NOT_FOUND, "email", email));
        return find(user.id());
    }

    /**
     * Without a password the account cannot sign in until a password reset. Not one transaction:
     * the password is hashed first, and the user, with its event, is created in the directory's own.
     */
    public ManagedUser create(Caller caller, NewUserRequest r, ClientInfo client) {
        admins.require(caller, PermissionCatalogue.USERS_WRITE);
        if (Boolean.TRUE.equals(r.isAdmin())) admins.require(caller);
        String email = EmailAddress.requireValid(r.email());
        ProfileRules.check(new ProfileChange(r.firstName(), r.lastName(), r.username(), null, null, null, null, null, null));
        String hash = null;
        if (r.password() != null) {
            PasswordHasher.requireEncodable(r.password(), "password");
            policy.check(r.password(), email, r.firstName(), r.lastName(), r.username());
            hash = hasher.hash(r.password());
        }
        User created = users.create(new NewUser(email, hash, r.firstName(), r.lastName(), r.username(), r.metadata(),
                Boolean.TRUE.equals(r.emailVerified()), Boolean.TRUE.equals(r.isAdmin())), caller.actorId(), client);
        return find(created.id());
    }

    /** Yourself: profile fields only. Platform writers: also email, verification and (admins in person) the admin flag. */
    @Transactional
    public ManagedUser update(Caller caller, String userId, UserUpdate u, ClientInfo client) {
        boolean privileged = u.email() != null || u.emailVerified() != null || u.isAdmin() != null;
        if (!userId.equals(caller.userId()) || privileged) admins.require(caller, PermissionCatalogue.USERS_WRITE);
        if (u.isAdmin() != null) admins.require(caller);
        if (!userId.equals(caller.userId())) requireAdminInPersonForAdminTarget(caller, userId);
        return administration.update(userId, new AdminChange(u.profile(), u.email(), u.emailVerified(), u.isAdmin()),
                caller.actorId(), client);
    }

    @Transactional
    public void delete(Caller caller, String userId, ClientInfo client) {
        admins.require(caller, PermissionCatalogue.USERS_DELETE);
        notSelf(caller, userId, "delete");
        requireAdminInPersonForAdminTarget(caller, userId);
        find(userId);
        organizations.requireNotSoleOwner(userId);
        sessions.revokeAllForUser(userId, null, "account_deleted", client);
        users.delete(userId, caller.actorId(), client);
    }

    /** {@code durationSeconds} null: until an admin lifts it. Every session of the user ends now. */
    @Transactional
    public ManagedUser suspend(Caller caller, String userId, String reason, Long durationSeconds, ClientInfo client) {
        admins.require(caller, PermissionCatalogue.USERS_WRITE);
        notSelf(caller, userId, "suspend");
        requireAdminInPersonForAdminTarget(caller, userId);
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (why != null && why.length() > 500) throw invalid("reason", "too_long");
        if (durationSeconds != null && (durationSeconds < 1 || durationSeconds > MAX_SUSPENSION_SECONDS)) {
            throw invalid("duration", "out_of_range");
        }
        Instant until = durationSeconds == null ? null : clock.instant().plusSeconds(durationSeconds);
        ManagedUser suspended = administration.suspend(userId, why, until, caller.actorId(), client);
        sessions.revokeAllForUser(userId, null, "user_suspended", client);
        return suspended;
    }

    @Transactional
    public ManagedUser unsuspend(Caller caller, String userId, ClientInfo client) {
        admins.require(caller, PermissionCatalogue.USERS_WRITE);
        requireAdminInPersonForAdminTarget(caller, userId);
        return administration.unsuspend(userId, caller.actorId(), client);
    }

    @Transactional
    public ManagedUser unlock(Caller caller, String userId, ClientInfo client) {
        admins.require(caller, PermissionCatalogue.USERS_WRITE);
        requireAdminInPersonForAdminTarget(caller, userId);
        return administration.unlock(userId, caller.actorId(), client);
    }

    /** Ends every session of the user now; {@code user.sessions_revoked} names the admin (each {@code session.revoked} follows). */
    @Transactional
    public int revokeSessions(Caller caller, String userId, ClientInfo client) {
        admins.require(caller, PermissionCatalogue.USERS_WRITE);
        requireAdminInPersonForAdminTarget(caller, userId);
        find(userId);
        int ended = sessions.revokeAllForUser(userId, null, "admin_revoked", client);
        events.publish(DomainEvent.of("user.sessions_revoked", userId, caller.actorId(), Map.of("userId", userId, "count", ended)), client);
        return ended;
    }

    /** Live sessions across the deployment, newest first (users:read). */
    public Page<Session> listSessions(Caller caller, PageRequest page) {
        admins.require(caller, PermissionCatalogue.USERS_READ);
        return Page.fromRows(sessions.listAllUnrevoked(page.after(), page.fetchSize()), page, Session::id, null);
    }

    /** Ends one session; {@code user.sessions_revoked} names the admin and the session. */
    @Transactional
    public void revokeSession(Caller caller, String sessionId, ClientInfo client) {
        admins.require(caller, PermissionCatalogue.USERS_WRITE);
        Session s = sessions.find(sessionId).orElseThrow(() -> new JanuaException(ErrorCode.SESSION_NOT_FOUND));
        requireAdminInPersonForAdminTarget(caller, s.userId());
        if (sessions.revoke(sessionId, "admin_revoked", client)) {
            events.publish(DomainEvent.of("user.sessions_revoked", s.userId(), caller.actorId(),
                    Map.of("userId", s.userId(), "sessionId", sessionId, "count", 1)), client);
        }
    }

    /**
     * Acting on a platform admin's account (its email, verification, suspension, deletion) is
     * taking it over: only an admin in person may, never an API key holding users:write.
     */
    private void requireAdminInPersonForAdminTarget(Caller caller, String userId) {
        if (users.findById(userId).map(User::admin).orElse(false)) admins.require(caller);
    }

    private ManagedUser find(String userId) {
        return administration.find(userId).orElseThrow(() -> JanuaException.of(ErrorCode.USER_NOT_FOUND, "userId", userId));
    }

    private static void notSelf(Caller caller, String userId, String action) {
        if (userId.equals(caller.userId())) {
            throw new JanuaException(ErrorCode.CONFLICT, Map.of("reason", "cannot_" + action + "_yourself"));
        }
    }

    private static JanuaException invalid(String field, String reason) {
        return new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", reason));
    }
}
