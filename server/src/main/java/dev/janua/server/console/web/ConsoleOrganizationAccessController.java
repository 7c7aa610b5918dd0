package dev.janua.server.console.web;

import dev.janua.server.apikeys.ApiKey;
import dev.janua.server.apikeys.app.ApiKeyService;
import dev.janua.server.apikeys.app.ApiKeyService.ApiKeyDraft;
import dev.janua.server.console.ConsolePages;
import dev.janua.server.console.app.ConsoleViewer;
import dev.janua.server.organizations.app.InvitationService;
import dev.janua.server.organizations.app.InvitationService.InvitationDraft;
import dev.janua.server.organizations.app.InvitationView;
import dev.janua.server.organizations.app.RoleAdministration;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.Permission;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.rbac.RoleDirectory.RoleDraft;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Who gets into an organization and with what: invitations (send, resend, revoke), custom roles
 * with the permission catalogue as checkboxes, and API keys (the secret is shown once, on the
 * answer to the creating form, never again).
 */
@Controller
@ConsolePages
@RequestMapping("/console/organizations/{organizationId}")
public class ConsoleOrganizationAccessController {
    private final ConsoleOrganizationsController pages;
    private final InvitationService invitations;
    private final RoleAdministration roles;
    private final ApiKeyService keys;
    private final Clock clock;

    public ConsoleOrganizationAccessController(ConsoleOrganizationsController pages, InvitationService invitations,
                                               RoleAdministration roles, ApiKeyService keys, Clock clock) {
        this.pages = pages;
        this.invitations = invitations;
        this.roles = roles;
        this.keys = keys;
        this.clock = clock;
    }

    public record KeyRow(String id, String name, String prefix, List<String> permissions, String status, String createdAt, String lastUsedAt) {}

    @GetMapping("/invitations")
    ModelAndView invitations(ConsoleViewer viewer, @PathVariable String organizationId, @RequestParam(required = false) String status,
                             @RequestParam(required = false) String cursor) {
        ModelAndView mv = pages.page(viewer, organizationId, "invitations");
        Page<InvitationView> page = invitations.list(viewer.caller(), organizationId, Console.blankToNull(status),
                PageRequest.of(ConsoleOrganizationsController.PAGE_SIZE, Console.blankToNull(cursor), null));
        mv.addObject("invitations", page.data());
        mv.addObject("nextCursor", page.pagination().nextCursor());
        mv.addObject("paged", cursor != null && !cursor.isBlank());
        mv.addObject("status", status == null ? "" : status);
        mv.addObject("roles", roles.roles(viewer.caller(), organizationId).stream()
                .filter(r -> !"owner".equals(r.key())).toList());
        return mv;
    }

    @PostMapping("/invitations")
    ModelAndView invite(ConsoleViewer viewer, @PathVariable String organizationId, @RequestParam(required = false) String email,
                        @RequestParam(required = false) String role, @RequestParam(required = false) String message, Locale locale,
                        ClientInfo client) {
        return ConsoleOrganizationsController.act(viewer, organizationId, "/invitations", "invitation_sent",
                () -> invitations.create(viewer.caller(), organizationId, new InvitationDraft(email, Console.blankToNull(role), null, null,
                        Console.blankToNull(message), null), locale, client));
    }

    @PostMapping("/invitations/{invitationId}/resend")
    ModelAndView resend(ConsoleViewer viewer, @PathVariable String organizationId, @PathVariable String invitationId, Locale locale,
                        ClientInfo client) {
        return ConsoleOrganizationsController.act(viewer, organizationId, "/invitations", "invitation_resent",
                () -> invitations.resend(viewer.caller(), organizationId, invitationId, locale, client));
    }

    @PostMapping("/invitations/{invitationId}/revoke")
    ModelAndView revoke(ConsoleViewer viewer, @PathVariable String organizationId, @PathVariable String invitationId,
                        @RequestParam(required = false) String confirm, ClientInfo client) {
        return ConsoleOrganizationsController.confirmed(viewer, organizationId, confirm, "/invitations", "invitation_revoked",
                () -> invitations.revoke(viewer.caller(), organizationId, invitationId, client));
    }

    @GetMapping("/roles")
    ModelAndView roles(ConsoleViewer viewer, @PathVariable String organizationId, @RequestParam(required = false) String edit) {
        ModelAndView mv = pages.page(viewer, organizationId, "roles");
        List<RoleAdministration.CountedRole> all = roles.list(viewer.caller(), organizationId);
        mv.addObject("roles", all);
        mv.addObject("catalogue", catalogue());
        mv.addObject("editing", edit == null ? null
                : all.stream().map(RoleAdministration.CountedRole::role).filter(r -> !r.system() && r.id().equals(edit)).findFirst().orElse(null));
        return mv;
    }

    @PostMapping("/roles")
    ModelAndView createRole(ConsoleViewer viewer, @PathVariable String organizationId, @RequestParam(required = false) String name,
                            @RequestParam(required = false) String key, @RequestParam(required = false) String description,
                            @RequestParam(required = false) List<String> permissions, ClientInfo client) {
        return ConsoleOrganizationsController.act(viewer, organizationId, "/roles", "role_created",
                () -> roles.create(viewer.caller(), organizationId, new RoleDraft(name, Console.blankToNull(key), Console.blankToNull(description),
                        permissions == null ? List.of() : permissions), client));
    }

    @PostMapping("/roles/{roleId}")
    ModelAndView updateRole(ConsoleViewer viewer, @PathVariable String organizationId, @PathVariable String roleId,
                            @RequestParam(required = false) String name, @RequestParam(required = false) String description,
                            @RequestParam(required = false) List<String> permissions, ClientInfo client) {
        return ConsoleOrganizationsController.act(viewer, organizationId, "/roles", "role_updated",
                () -> roles.update(viewer.caller(), organizationId, roleId, new RoleDraft(Console.blankToNull(name), null, description,
                        permissions == null ? List.of() : permissions), client));
    }

    @PostMapping("/roles/{roleId}/delete")
    ModelAndView deleteRole(ConsoleViewer viewer, @PathVariable String organizationId, @PathVariable String roleId,
                            @RequestParam(required = false) String confirm, ClientInfo client) {
        return ConsoleOrganizationsController.confirmed(viewer, organizationId, confirm, "/roles", "role_deleted",
                () -> roles.delete(viewer.caller(), organizationId, roleId, client));
    }

    @GetMapping("/api-keys")
    ModelAndView apiKeys(ConsoleViewer viewer, @PathVariable String organizationId, @RequestParam(required = false) String cursor) {
        return keysPage(viewer, organizationId, cursor, null);
    }

    /** Answers with the page itself (not a redirect): the secret is in this one response and nowhere else. */
    @PostMapping("/api-keys")
    ModelAndView createKey(ConsoleViewer viewer, @PathVariable String organizationId, @RequestParam(required = false) String name,
                           @RequestParam(required = false) List<String> permissions, ClientInfo client) {
        ConsoleOrganizationsController.requireAdministers(viewer, organizationId);
        ApiKeyService.Created created = keys.create(viewer.caller(), organizationId,
                new ApiKeyDraft(name, "organization", organizationId, permissions == null ? List.of() : permissions, null, null), client);
        ModelAndView mv = keysPage(viewer, organizationId, null, created.secret());
        mv.addObject("noticeMessage", null);
        return mv;
    }

    @PostMapping("/api-keys/{keyId}/revoke")
    ModelAndView revokeKey(ConsoleViewer viewer, @PathVariable String organizationId, @PathVariable String keyId,
                           @RequestParam(required = false) String confirm, ClientInfo client) {
        return ConsoleOrganizationsController.confirmed(viewer, organizationId, confirm, "/api-keys", "key_revoked",
                () -> keys.revoke(viewer.caller(), organizationId, keyId, client));
    }

    private ModelAndView keysPage(ConsoleViewer viewer, String organizationId, String cursor, String newSecret) {
        ModelAndView mv = pages.page(viewer, organizationId, "api-keys");
        Page<ApiKey> page = keys.list(viewer.caller(), organizationId,
                PageRequest.of(ConsoleOrganizationsController.PAGE_SIZE, Console.blankToNull(cursor), null));
        mv.addObject("keys", page.data().stream().map(k -> new KeyRow(k.id(), k.name(), k.keyPrefix(), k.permissions(),
                k.statusAt(clock.instant()), Console.when(k.createdAt()), Console.when(k.lastUsedAt()))).toList());
        mv.addObject("nextCursor", page.pagination().nextCursor());
        mv.addObject("paged", cursor != null && !cursor.isBlank());
        mv.addObject("catalogue", catalogue());
        mv.addObject("newSecret", newSecret);
        return mv;
    }

    /** The organization-level permissions, grouped by category for the checkbox grid. */
    private static List<Permission> catalogue() {
        return PermissionCatalogue.all().stream().filter(p -> !p.platform()).toList();
    }

}
