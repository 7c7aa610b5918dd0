package dev.janua.server.auth.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.auth.app.InvitationSignUp;
import dev.janua.server.auth.app.InvitationSignUp.NewAccount;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.janua.server.auth.SignInResponse;
import dev.janua.server.organizations.Invitations;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.security.CallerAuthenticator;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * {@code POST /invitations/accept}: with an access token, the signed-in invitee joins; without
 * one, the body's password signs the invitee up (201, signed in, as a sign-up answers) and joins.
 */
@JanuaApi
@Tag(name = "Invitations")
public class InvitationAcceptController {
    private final InvitationSignUp invitations;
    private final CallerAuthenticator authenticator;

    public InvitationAcceptController(InvitationSignUp invitations, CallerAuthenticator authenticator) {
        this.invitations = invitations;
        this.authenticator = authenticator;
    }

    public record AcceptRequest(String token, String password, String firstName, String lastName, String name, String username) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AcceptResponse(Invitations.Accepted invitation, Invitations.OrganizationRef organization, String role,
                                 @JsonUnwrapped SignInResponse signIn) {}

    @PostMapping({"/invitations/accept", "/invites/accept", "/organizations/invitations/accept"})
    @Operation(summary = "Accept an invitation as the signed-in invitee, or sign up through it with a password")
    public ResponseEntity<AcceptResponse> accept(@RequestBody AcceptRequest body, HttpServletRequest request, ClientInfo client) {
        if (body.token() == null || body.token().isBlank()) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "token", "reason", "required"));
        }
        if (request.getHeader("Authorization") != null) {
            Caller caller = authenticator.authenticate(request);
            if (caller.isApiKey()) throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("reason", "user_session_required"));
            Invitations.Accepted a = invitations.acceptAs(caller.userId(), body.token(), client);
            return ResponseEntity.ok(new AcceptResponse(a, a.organization(), a.role(), null));
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw new JanuaException(ErrorCode.UNAUTHORIZED, Map.of("reason", "sign_in_or_send_a_password_to_sign_up"));
        }
        NameParts names = NameParts.of(body.firstName(), body.lastName(), body.name());
        InvitationSignUp.SignedUp s = invitations.signUp(body.token(),
                new NewAccount(body.password(), names.first(), names.last(), body.username()), client);
        return ResponseEntity.status(HttpStatus.CREATED).body(new AcceptResponse(s.accepted(), s.accepted().organization(),
                s.accepted().role(), SignInResponse.of(s.signIn())));
    }
}
