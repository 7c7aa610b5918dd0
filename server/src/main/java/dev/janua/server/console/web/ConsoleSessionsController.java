package dev.janua.server.console.web;

import dev.janua.server.admin.app.AdminUserService;
import dev.janua.server.console.ConsolePages;
import dev.janua.server.console.app.ConsoleViewer;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.sessions.Session;
import dev.janua.server.sessions.domain.UserAgentParser;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Live sessions across the deployment (platform admins, as {@code GET /admin/sessions}), each revocable. */
@Controller
@ConsolePages
@RequestMapping("/console/sessions")
public class ConsoleSessionsController {
    static final int PAGE_SIZE = 50;
    private final AdminUserService admin;
    private final UserDirectory users;

    public ConsoleSessionsController(AdminUserService admin, UserDirectory users) {
        this.admin = admin;
        this.users = users;
    }

    public record Row(String id, String userId, String email, String device, String ipAddress, String authMethod, String createdAt,
                      String lastActiveAt, boolean current) {}

    @GetMapping
    ModelAndView list(ConsoleViewer viewer, @RequestParam(required = false) String cursor) {
        Page<Session> page = admin.listSessions(viewer.caller(), PageRequest.of(PAGE_SIZE, Console.blankToNull(cursor), null));
        Map<String, String> emails = new HashMap<>();
        ModelAndView mv = new ModelAndView("console/sessions");
        mv.addObject("rows", page.data().stream().map(s -> new Row(s.id(), s.userId(),
                emails.computeIfAbsent(s.userId(), id -> users.findById(id).map(User::email).orElse(id)),
                UserAgentParser.parse(s.userAgent()).label(), s.ipAddress(), s.authMethod(), Console.when(s.createdAt()),
                Console.when(s.lastActiveAt()), s.id().equals(viewer.sessionId()))).toList());
        mv.addObject("nextCursor", page.pagination().nextCursor());
        mv.addObject("paged", cursor != null && !cursor.isBlank());
        return mv;
    }

    @PostMapping("/{sessionId}/revoke")
    ModelAndView revoke(ConsoleViewer viewer, @PathVariable String sessionId, ClientInfo client) {
        admin.revokeSession(viewer.caller(), sessionId, client);
        return Console.done("/console/sessions", "session_revoked");
    }
}
