package dev.janua.server.auth.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import dev.janua.server.auth.app.PasswordService;
import dev.janua.server.auth.web.AuthRequests.ChangePasswordRequest;
import dev.janua.server.auth.web.AuthRequests.DeleteAccountRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Credential changes of the signed-in user: change password, delete the account. */
@Tag(name = "Account", description = "Password change and account deletion for the signed-in user")
@JanuaApi
public class AccountController {
    private final PasswordService passwords;

    /** {@code sessionsInvalidated}: the other sessions ended (seed 002). */
    public record PasswordChanged(boolean success, String message, int sessionsInvalidated) {}

    public AccountController(PasswordService passwords) {
        this.passwords = passwords;
    }

    /** {@code logoutOtherSessions} defaults to true: a changed password should end sessions it may have protected. */
    @PostMapping({"/users/me/password", "/users/me/change-password", "/auth/change-password"})
    public PasswordChanged changePassword(@RequestBody ChangePasswordRequest body, Caller caller, ClientInfo client) {
        int ended = passwords.change(caller.userId(), caller.sessionId(), body.currentPassword(), body.newPassword(),
                !Boolean.FALSE.equals(body.logoutOtherSessions()), client);
        return new PasswordChanged(true, "Password changed", ended);
    }

    @PutMapping("/users/me/password")
    public PasswordChanged changePasswordPut(@RequestBody ChangePasswordRequest body, Caller caller, ClientInfo client) {
        return changePassword(body, caller, client);
    }

    @DeleteMapping("/users/me")
    public Ack deleteAccount(@RequestBody(required = false) DeleteAccountRequest body, Caller caller, ClientInfo client) {
        DeleteAccountRequest b = body == null ? new DeleteAccountRequest(null, null) : body;
        passwords.deleteAccount(caller.userId(), b.password(), b.confirmation(), client);
        return Ack.of("Account deleted");
    }
}
