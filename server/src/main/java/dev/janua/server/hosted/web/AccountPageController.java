package dev.janua.server.hosted.web;

import dev.janua.server.hosted.BrowserAuthentication;
import dev.janua.server.hosted.GrantedApplications;
import dev.janua.server.social.LinkedIdentities;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.mfa.app.MfaAccountService;
import dev.janua.server.mfa.app.TrustedDeviceService;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.sessions.Session;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The account page: who is signed in, the profile and password forms, two-step verification and
 * trusted devices, the applications the person consented to and the linked provider accounts, and
 * the live sessions, each revocable (the current one is marked). The forms are
 * handled by {@link AccountSettingsController}; this class renders the page for both.
 */
@Controller
@HostedPages
@RequestMapping("/hosted")
public class AccountPageController {
    public static final String PATH = "/hosted/account";
    /** The confirmations a redirect back here may show ({@code ?done=…}); anything else shows none. */
    static final Set<String> DONE = Set.of("profile", "password", "mfa_enabled", "mfa_disabled", "device_revoked",
            "passkey_added", "passkey_renamed", "passkey_removed", "consent_revoked", "identity_unlinked");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final UserDirectory users;
    private final SessionDirectory sessions;
    private final MfaAccountService mfa;
    private final TrustedDeviceService devices;
    private final MessageSource messages;
    private final GrantedApplications consents;
    private final LinkedIdentities identities;

    public AccountPageController(UserDirectory users, SessionDirectory sessions, MfaAccountService mfa, TrustedDeviceService devices,
                                 MessageSource messages, GrantedApplications consents, LinkedIdentities identities) {
        this.consents = consents;
        this.identities = identities;
        this.users = users;
        this.sessions = sessions;
        this.mfa = mfa;
        this.devices = devices;
        this.messages = messages;
    }

    public record SessionRow(String id, String device, String ipAddress, String createdAt, String lastActiveAt, boolean current) {}

    public record ConsentRow(String applicationId, String name, List<String> scopes, String grantedAt) {}

    public record DeviceRow(String id, String device, String ipAddress, String createdAt, String expiresAt) {}

    @GetMapping("/account")
    ModelAndView account(@RequestParam(required = false) String done, HttpServletRequest request, Locale locale) {
        BrowserAuthentication me = Browser.current();
        if (me == null) return Browser.redirect(HostedSecurity.signInUrl(request));
        ModelAndView mv = render(me, null, HttpStatus.OK);
        if (done != null && DONE.contains(done)) mv.addObject("noticeMessage", messages.getMessage("hosted.account.done." + done, null, locale));
        return mv;
    }

    /** The page, with an error for the form that failed (and that failure's status). */
    ModelAndView render(BrowserAuthentication me, String error, HttpStatus status) {
        User user = users.findById(me.userId())
                .orElseThrow(() -> JanuaException.of(ErrorCode.USER_NOT_FOUND, "resource", "user")); // deleted meanwhile: 404, not 500
        List<SessionRow> rows = sessions.listLive(me.userId()).stream()
                .map(s -> new SessionRow(s.id(), s.userAgent() == null ? "" : s.userAgent(), s.ipAddress(), WHEN.format(s.createdAt()),
                        WHEN.format(s.lastActiveAt()), s.id().equals(me.sessionId())))
                .toList();
        List<DeviceRow> trusted = devices.list(me.userId()).stream()
                .map(d -> new DeviceRow(d.id(), d.userAgent() == null ? "" : d.userAgent(), d.ipAddress(), WHEN.format(d.createdAt()),
                        WHEN.format(d.expiresAt())))
                .toList();
        MfaAccountService.Status status2 = mfa.status(me.userId());
        ModelAndView mv = new ModelAndView("hosted/account", status);
        mv.addObject("user", user);
        mv.addObject("sessions", rows);
        mv.addObject("devices", trusted);
        mv.addObject("mfa", status2);
        mv.addObject("consents", consents.of(me.userId()).stream()
                .map(g -> new ConsentRow(g.applicationId(), g.name(), g.scopes(), WHEN.format(g.grantedAt()))).toList());
        mv.addObject("identities", identities.of(me.userId()));
        mv.addObject("errorMessage", error);
        return mv;
    }

    @PostMapping("/account/sessions/{id}/revoke")
    ModelAndView revoke(@PathVariable String id, HttpServletRequest request, ClientInfo client) {
        BrowserAuthentication me = Browser.current();
        if (me == null) return Browser.redirect(HostedSecurity.signInUrl(request));
        // only the person's own sessions: someone else's id is treated as unknown
        boolean own = sessions.find(id).map(Session::userId).filter(me.userId()::equals).isPresent();
        if (own) sessions.revoke(id, "user_revoked", client);
        return Browser.redirect(PATH);
    }
}
