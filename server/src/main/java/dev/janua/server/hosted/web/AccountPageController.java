package dev.janua.server.hosted.web;

import dev.janua.server.hosted.BrowserAuthentication;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.sessions.Session;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** The account page: who is signed in, and their live sessions, each revocable (the current one is marked). */
@Controller
@HostedPages
@RequestMapping("/hosted")
public class AccountPageController {
    public static final String PATH = "/hosted/account";
    private final UserDirectory users;
    private final SessionDirectory sessions;

    public AccountPageController(UserDirectory users, SessionDirectory sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    public record SessionRow(String id, String device, String ipAddress, String createdAt, String lastActiveAt, boolean current) {}

    @GetMapping("/account")
    ModelAndView account(HttpServletRequest request) {
        BrowserAuthentication me = Browser.current();
        if (me == null) return Browser.redirect(HostedSecurity.signInUrl(request));
        User user = users.findById(me.userId()).orElseThrow();
        List<SessionRow> rows = sessions.listLive(me.userId()).stream()
                .map(s -> new SessionRow(s.id(), s.userAgent() == null ? "" : s.userAgent(), s.ipAddress(), WHEN.format(s.createdAt()),
                        WHEN.format(s.lastActiveAt()), s.id().equals(me.sessionId())))
                .toList();
        ModelAndView mv = new ModelAndView("hosted/account");
        mv.addObject("user", user);
        mv.addObject("sessions", rows);
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
