package dev.janua.server.admin.web;

import dev.janua.server.admin.app.AdminUserService;
import dev.janua.server.auth.app.AdminPasswordReset;
import dev.janua.server.mfa.app.MfaReset;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.sessions.web.SessionView;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What an admin does to someone's account besides editing it (the console's user page calls the
 * same services): end every session, remove the second factors, send the password-reset email.
 * Each is audited with the admin as the actor.
 */
@JanuaApi
@Tag(name = "Admin")
@AcceptsApiKeys
public class AdminUserActionsController {
    private final AdminUserService admin;
    private final MfaReset mfa;
    private final AdminPasswordReset passwords;

    public AdminUserActionsController(AdminUserService admin, MfaReset mfa, AdminPasswordReset passwords) {
        this.admin = admin;
        this.mfa = mfa;
        this.passwords = passwords;
    }

    @PostMapping("/admin/users/{userId}/sessions/revoke")
    @Operation(summary = "End every session of a user (users:write)")
    public Ack revokeSessions(@PathVariable String userId, Caller caller, ClientInfo client) {
        int n = admin.revokeSessions(caller, userId, client);
        return Ack.of(n + " session(s) revoked");
    }

    @GetMapping("/admin/sessions")
    @Operation(summary = "Live sessions across the deployment, newest first (users:read)")
    public Page<SessionView> sessions(Caller caller, @RequestParam(required = false) Integer limit,
                                      @RequestParam(required = false) String cursor) {
        return admin.listSessions(caller, PageRequest.of(limit, cursor, null)).map(s -> SessionView.of(s, null, true));
    }

    @PostMapping("/admin/sessions/{sessionId}/revoke")
    @Operation(summary = "End one session (users:write)")
    public Ack revokeSession(@PathVariable String sessionId, Caller caller, ClientInfo client) {
        admin.revokeSession(caller, sessionId, client);
        return Ack.of("Session revoked");
    }

    @PostMapping("/admin/users/{userId}/mfa/reset")
    @Operation(summary = "Remove a user's second factors and trusted devices (users:write); they enrol again")
    public Ack resetMfa(@PathVariable String userId, Caller caller, ClientInfo client) {
        mfa.reset(caller, userId, client);
        return Ack.of("Two-step verification reset");
    }

    @PostMapping("/admin/users/{userId}/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send the user the password-reset email (users:write)")
    public Ack sendPasswordReset(@PathVariable String userId, Caller caller, ClientInfo client, Locale locale) {
        passwords.send(caller, userId, locale, client);
        return Ack.of("Password reset email queued");
    }
}
