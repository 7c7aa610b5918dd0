package dev.janua.server.console.web;

import dev.janua.server.admin.app.AdminSignInMethods;
import dev.janua.server.admin.app.AdminUserService;
import dev.janua.server.admin.web.AdminUserView;
import dev.janua.server.audit.AuditEntry;
import dev.janua.server.audit.app.AuditService;
import dev.janua.server.audit.persistence.JdbcAuditRepository;
import dev.janua.server.auth.app.AdminPasswordReset;
import dev.janua.server.console.ConsolePages;
import dev.janua.server.console.app.ConsoleViewer;
import dev.janua.server.mfa.app.MfaAccountService;
import dev.janua.server.mfa.app.MfaReset;
import dev.janua.server.organizations.OrganizationDirectory;
import dev.janua.server.organizations.OrganizationGrant;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.users.UserQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Users (platform admins): the indexed search with filters and cursor paging, a user's page, and
 * the actions on it. Every action is the admin API's own service call with the admin as the caller,
 * so permissions, events and audit are the API's.
 */
@Controller
@ConsolePages
@RequestMapping("/console/users")
public class ConsoleUsersController {
    static final int PAGE_SIZE = 25;
    /** The suspension lengths offered (seconds; 0 = until lifted). */
    static final Map<String, Long> DURATIONS = durations();
    private final AdminUserService admin;
    private final MfaReset mfaReset;
    private final MfaAccountService mfa;
    private final AdminPasswordReset passwordReset;
    private final AdminSignInMethods signInMethods;
    private final SessionDirectory sessions;
    private final OrganizationDirectory organizations;
    private final AuditService audit;
    private final PlatformAdmins admins;
    private final Clock clock;

    public ConsoleUsersController(AdminUserService admin, MfaReset mfaReset, MfaAccountService mfa, AdminPasswordReset passwordReset,
                                  AdminSignInMethods signInMethods, SessionDirectory sessions, OrganizationDirectory organizations,
                                  AuditService audit,
                                  PlatformAdmins admins, Clock clock) {
        this.admin = admin;
        this.mfaReset = mfaReset;
        this.mfa = mfa;
        this.passwordReset = passwordReset;
        this.signInMethods = signInMethods;
        this.sessions = sessions;
        this.organizations = organizations;
        this.audit = audit;
        this.admins = admins;
        this.clock = clock;
    }

    public record Row(String id, String email, String name, String status, boolean emailVerified, boolean mfaEnabled, boolean admin,
                      boolean locked, String createdAt, String lastSignInAt) {
        static Row of(AdminUserView v) {
            var u = v.user();
            String name = ((u.firstName() == null ? "" : u.firstName()) + " " + (u.lastName() == null ? "" : u.lastName())).trim();
            return new Row(u.id(), u.email(), name, u.status(), u.emailVerified(), u.mfaEnabled(), u.isAdmin(), v.locked(),
                    Console.when(u.createdAt()), Console.when(u.lastSignInAt()));
        }
    }

    public record SessionRow(String id, String device, String ipAddress, String createdAt, String lastActiveAt, String authMethod) {}

    public record PasskeyRow(String id, String name, String authenticator, boolean synced, String createdAt, String lastUsedAt) {}

    public record IdentityRow(String id, String provider, String email, String createdAt, String lastUsedAt) {}

    public record SsoLinkRow(String organizationId, String organizationName, String subject, String lastSignInAt) {}

    public record AuditRow(String id, long position, String eventType, String actorId, String when) {}

    @GetMapping
    ModelAndView list(ConsoleViewer viewer, @RequestParam(required = false) String q, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String verified, @RequestParam(required = false) String mfa,
                      @RequestParam(required = false) String organization, @RequestParam(required = false) String cursor) {
        UserQuery query = new UserQuery(Console.blankToNull(status), Console.blankToNull(q), null, flag(verified),
                Console.blankToNull(organization), null, null, UserQuery.Sort.DEFAULT, flag(mfa));
        Page<AdminUserView> page = admin.list(viewer.caller(), query, PageRequest.of(PAGE_SIZE, Console.blankToNull(cursor), null), false)
                .map(m -> AdminUserView.of(m, clock.instant()));
        ModelAndView mv = new ModelAndView("console/users");
        mv.addObject("rows", page.data().stream().map(Row::of).toList());
        mv.addObject("nextCursor", page.pagination().nextCursor());
        mv.addObject("paged", cursor != null && !cursor.isBlank());
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q == null ? "" : q);
        filters.put("status", status == null ? "" : status);
        filters.put("verified", verified == null ? "" : verified);
        filters.put("mfa", mfa == null ? "" : mfa);
        filters.put("organization", organization == null ? "" : organization);
        mv.addObject("filters", filters);
        mv.addObject("filtered", filters.values().stream().anyMatch(v -> !v.isBlank()));
        return mv;
    }

    @GetMapping("/{userId}")
    ModelAndView user(ConsoleViewer viewer, @PathVariable String userId) {
        AdminUserView user = AdminUserView.of(admin.get(requireReader(viewer), userId), clock.instant());
        ModelAndView mv = new ModelAndView("console/user");
        mv.addObject("u", user.user());
        mv.addObject("managed", user);
        mv.addObject("suspendedUntil", user.suspension() == null ? null : Console.when(user.suspension().until()));
        mv.addObject("mfa", mfa.status(userId));
        mv.addObject("sessions", sessions.listLive(userId).stream().map(s -> new SessionRow(s.id(), s.userAgent() == null ? "" : s.userAgent(),
                s.ipAddress(), Console.when(s.createdAt()), Console.when(s.lastActiveAt()), s.authMethod())).toList());
        List<OrganizationGrant> grants = organizations.grantsOf(userId);
        mv.addObject("organizations", grants.stream().map(g -> Map.of("id", g.organizationId(), "role", g.role(),
                "name", organizations.find(g.organizationId()).map(o -> o.name()).orElse(g.organizationId()))).toList());
        mv.addObject("audit", audit.search(new JdbcAuditRepository.Filter(null, userId, null, null, null), PageRequest.of(10, null, null))
                .data().stream().map(ConsoleUsersController::auditRow).toList());
        AdminSignInMethods.Methods methods = signInMethods.of(viewer.caller(), userId);
        mv.addObject("passkeys", methods.passkeys().stream().map(p -> new PasskeyRow(p.id(), label(p.name(), p.authenticatorName()),
                p.authenticatorName(), p.backedUp(), Console.when(p.createdAt()), Console.when(p.lastUsedAt()))).toList());
        mv.addObject("identities", methods.identities().stream().map(i -> new IdentityRow(i.id(), i.provider(), i.email(),
                Console.when(i.createdAt()), Console.when(i.lastUsedAt()))).toList());
        mv.addObject("ssoLinks", methods.ssoLinks().stream().map(l -> new SsoLinkRow(l.organizationId(),
                organizations.find(l.organizationId()).map(o -> o.name()).orElse(l.organizationId()), l.subject(),
                Console.when(l.lastSignInAt()))).toList());
        mv.addObject("durations", DURATIONS.keySet());
        mv.addObject("locked", user.locked());
        mv.addObject("createdAt", Console.when(user.user().createdAt()));
        mv.addObject("lastSignInAt", user.user().lastSignInAt() == null ? null : Console.when(user.user().lastSignInAt()));
        return mv;
    }

    @PostMapping("/{userId}/suspend")
    ModelAndView suspend(ConsoleViewer viewer, @PathVariable String userId, @RequestParam(required = false) String reason,
                         @RequestParam(defaultValue = "0") String duration, ClientInfo client) {
        Long seconds = DURATIONS.get(duration);
        if (seconds == null) throw JanuaException.of(ErrorCode.VALIDATION_ERROR, "field", "duration");
        admin.suspend(viewer.caller(), userId, reason, seconds == 0 ? null : seconds, client);
        return Console.done(path(userId), "suspended");
    }

    @PostMapping("/{userId}/unsuspend")
    ModelAndView unsuspend(ConsoleViewer viewer, @PathVariable String userId, ClientInfo client) {
        admin.unsuspend(viewer.caller(), userId, client);
        return Console.done(path(userId), "unsuspended");
    }

    @PostMapping("/{userId}/unlock")
    ModelAndView unlock(ConsoleViewer viewer, @PathVariable String userId, ClientInfo client) {
        admin.unlock(viewer.caller(), userId, client);
        return Console.done(path(userId), "unlocked");
    }

    @PostMapping("/{userId}/mfa/reset")
    ModelAndView resetMfa(ConsoleViewer viewer, @PathVariable String userId, @RequestParam(required = false) String confirm,
                          ClientInfo client) {
        return confirmed(confirm, userId, "mfa_reset", () -> mfaReset.reset(viewer.caller(), userId, client));
    }

    @PostMapping("/{userId}/sessions/revoke")
    ModelAndView revokeSessions(ConsoleViewer viewer, @PathVariable String userId, @RequestParam(required = false) String confirm,
                                ClientInfo client) {
        return confirmed(confirm, userId, "sessions_revoked", () -> admin.revokeSessions(viewer.caller(), userId, client));
    }

    @PostMapping("/{userId}/password-reset")
    ModelAndView passwordReset(ConsoleViewer viewer, @PathVariable String userId, ClientInfo client, Locale locale) {
        passwordReset.send(viewer.caller(), userId, locale, client);
        return Console.done(path(userId), "password_reset_sent");
    }

    @PostMapping("/{userId}/passkeys/{passkeyId}/remove")
    ModelAndView removePasskey(ConsoleViewer viewer, @PathVariable String userId, @PathVariable String passkeyId,
                               @RequestParam(required = false) String confirm, ClientInfo client) {
        return confirmed(confirm, userId, "passkey_removed", () -> signInMethods.removePasskey(viewer.caller(), userId, passkeyId, client));
    }

    @PostMapping("/{userId}/identities/{identityId}/unlink")
    ModelAndView unlinkIdentity(ConsoleViewer viewer, @PathVariable String userId, @PathVariable String identityId,
                                @RequestParam(required = false) String confirm, ClientInfo client) {
        return confirmed(confirm, userId, "identity_unlinked",
                () -> signInMethods.unlinkIdentity(viewer.caller(), userId, identityId, client));
    }

    /** Deleting takes the account's email typed out again: a typed confirmation, not a click. */
    @PostMapping("/{userId}/delete")
    ModelAndView delete(ConsoleViewer viewer, @PathVariable String userId, @RequestParam(required = false) String confirmEmail,
                        ClientInfo client) {
        String email = admin.get(requireReader(viewer), userId).user().email();
        Confirmations.requireTyped(email, confirmEmail);
        admin.delete(viewer.caller(), userId, client);
        return Console.done("/console/users", "user_deleted");
    }

    static AuditRow auditRow(AuditEntry e) {
        return new AuditRow(e.id(), e.position(), e.eventType(), e.actorId(), Console.when(e.timestamp()));
    }

    /** Only platform admins read other people's accounts (the API's get lets anyone read themselves). */
    private Caller requireReader(ConsoleViewer viewer) {
        admins.require(viewer.caller(), PermissionCatalogue.USERS_READ);
        return viewer.caller();
    }

    /** The passkey's own name, else its authenticator's (null: the page says "Passkey"). */
    private static String label(String name, String authenticator) {
        return name != null && !name.isBlank() ? name : Console.blankToNull(authenticator);
    }

    private static Boolean flag(String v) {
        return v == null || v.isBlank() ? null : switch (v) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> throw JanuaException.of(ErrorCode.VALIDATION_ERROR, "field", "filter");
        };
    }

    /** A destructive action on a user: the ticked confirmation first, then back to their page with the localised {@code done}. */
    private static ModelAndView confirmed(String confirm, String userId, String done, Runnable action) {
        Confirmations.require(confirm);
        action.run();
        return Console.done(path(userId), done);
    }

    private static String path(String userId) {
        return "/console/users/" + userId;
    }

    private static Map<String, Long> durations() {
        Map<String, Long> d = new LinkedHashMap<>();
        d.put("1h", Duration.ofHours(1).toSeconds());
        d.put("24h", Duration.ofHours(24).toSeconds());
        d.put("7d", Duration.ofDays(7).toSeconds());
        d.put("30d", Duration.ofDays(30).toSeconds());
        d.put("0", 0L);
        return Collections.unmodifiableMap(d);
    }
}
