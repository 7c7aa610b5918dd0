package dev.janua.server.organizations.web;

import dev.janua.server.organizations.Invitations;
import dev.janua.server.organizations.app.InvitationService;
import dev.janua.server.organizations.app.InvitationService.InvitationDraft;
import dev.janua.server.organizations.app.InvitationView;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Invitations of an organization ({@code /invitations} = {@code /invites}), and the public preview
 * of an invitation by its token. Accepting is {@code POST /invitations/accept} (auth module: it may
 * sign the invitee up).
 */
@JanuaApi
@Tag(name = "Invitations")
public class InvitationController {
    private final InvitationService invitations;

    public InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @PostMapping({"/organizations/{organizationId}/invitations", "/organizations/{organizationId}/invites"})
    @ResponseStatus(HttpStatus.CREATED)
    @AcceptsApiKeys
    @Operation(summary = "Invite someone by email with a role; a single-use link is emailed (members:invite)")
    public InvitationView create(@PathVariable String organizationId, @RequestBody InvitationDraft body, Caller caller,
                                 Locale locale, ClientInfo client) {
        return invitations.create(caller, organizationId, body, locale, client);
    }

    @GetMapping({"/organizations/{organizationId}/invitations", "/organizations/{organizationId}/invites"})
    @AcceptsApiKeys
    @Operation(summary = "List invitations, optionally by status: pending, accepted, revoked, expired (members:invite)")
    public Page<InvitationView> list(@PathVariable String organizationId, Caller caller,
                                     @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer page) {
        return invitations.list(caller, organizationId, status, PageRequest.of(limit, cursor, page));
    }

    @GetMapping({"/organizations/{organizationId}/invitations/{invitationId}", "/organizations/{organizationId}/invites/{invitationId}"})
    @AcceptsApiKeys
    @Operation(summary = "Get one invitation (members:invite)")
    public InvitationView get(@PathVariable String organizationId, @PathVariable String invitationId, Caller caller) {
        return invitations.get(caller, organizationId, invitationId);
    }

    @DeleteMapping({"/organizations/{organizationId}/invitations/{invitationId}", "/organizations/{organizationId}/invites/{invitationId}"})
    @AcceptsApiKeys
    @Operation(summary = "Revoke a pending invitation; its link stops working (members:invite)")
    public InvitationView revoke(@PathVariable String organizationId, @PathVariable String invitationId, Caller caller,
                                 ClientInfo client) {
        return invitations.revoke(caller, organizationId, invitationId, client);
    }

    @PostMapping({"/organizations/{organizationId}/invitations/{invitationId}/revoke",
            "/organizations/{organizationId}/invites/{invitationId}/revoke"})
    @AcceptsApiKeys
    @Operation(summary = "Revoke a pending invitation (POST form)")
    public InvitationView revokePost(@PathVariable String organizationId, @PathVariable String invitationId, Caller caller,
                                     ClientInfo client) {
        return revoke(organizationId, invitationId, caller, client);
    }

    @PostMapping({"/organizations/{organizationId}/invitations/{invitationId}/resend",
            "/organizations/{organizationId}/invites/{invitationId}/resend"})
    @AcceptsApiKeys
    @Operation(summary = "Send a pending invitation again with a new link and expiry; the old link stops working")
    public InvitationView resend(@PathVariable String organizationId, @PathVariable String invitationId, Caller caller,
                                 Locale locale, ClientInfo client) {
        return invitations.resend(caller, organizationId, invitationId, locale, client);
    }

    /** What the emailed link opens: who invites whom to what. Reading it changes nothing. */
    @GetMapping({"/invitations/accept", "/invites/accept", "/invitations/preview"})
    @Operation(summary = "Preview an invitation by its token (public; accepting is POST /invitations/accept)")
    public Invitations.Pending preview(@RequestParam String token) {
        return invitations.pending(token);
    }
}
