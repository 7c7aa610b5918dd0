package dev.janua.server.sessions.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.Revoked;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.sessions.Session;
import dev.janua.server.sessions.SessionDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in user's own sessions. Another user's session id answers 404, exactly like an
 * unknown one. A revoked session stops working at once: every request checks its session is live.
 */
@JanuaApi
@Tag(name = "Sessions")
public class SessionController {
    private final SessionDirectory sessions;

    public SessionController(SessionDirectory sessions) {
        this.sessions = sessions;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @GetMapping({"/sessions", "/users/me/sessions"})
    @Operation(summary = "The caller's live sessions, newest first, with device info parsed from the User-Agent")
    public Page<SessionView> list(Caller caller, @RequestParam(required = false) Integer limit,
                                  @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, null);
        // A user has few live sessions, and liveness (idle timeout) is decided in Java: page in memory.
        List<Session> live = sessions.listLive(caller.userId()).stream()
                .sorted(Comparator.comparing(Session::id).reversed()).toList();
        List<Session> rows = live.stream().filter(s -> page.after() == null || s.id().compareTo(page.after()) < 0)
                .limit(page.fetchSize()).toList();
        return Page.fromRows(rows, page, Session::id, (long) live.size())
                .map(s -> SessionView.of(s, caller.sessionId(), true));
    }

    @GetMapping("/sessions/current")
    @Operation(summary = "The session of the access token in use")
    public SessionView current(Caller caller) {
        return get(caller.sessionId(), caller);
    }

    @GetMapping("/sessions/{id}")
    @Operation(summary = "One of the caller's sessions (live or ended); 404 for anyone else's")
    public SessionView get(@PathVariable String id, Caller caller) {
        Session s = own(id, caller);
        return SessionView.of(s, caller.sessionId(), sessions.findLive(id).isPresent());
    }

    @DeleteMapping("/sessions/{id}")
    @Operation(summary = "Revoke one of the caller's sessions (the current one too: that signs out)")
    public Ack revoke(@PathVariable String id, Caller caller, ClientInfo client) {
        own(id, caller);
        sessions.revoke(id, "user_revoked", client);
        return Ack.of("Session revoked");
    }

    @DeleteMapping("/sessions")
    @Operation(summary = "Revoke all the caller's sessions except the current one")
    public Revoked revokeOthers(Caller caller, ClientInfo client) {
        int n = sessions.revokeAllForUser(caller.userId(), caller.sessionId(), "user_revoked_others", client);
        return Revoked.of("All other sessions revoked", n);
    }

    @PostMapping({"/sessions/revoke-all", "/sessions/terminate-all", "/users/me/sessions/revoke-all"})
    @Operation(summary = "Revoke all the caller's sessions except the current one (seed aliases of DELETE /sessions)")
    public Revoked revokeAll(Caller caller, ClientInfo client) {
        return revokeOthers(caller, client);
    }

    private Session own(String id, Caller caller) {
        return sessions.requireOwn(id, caller.userId());
    }
}
