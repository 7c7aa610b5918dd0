package dev.janua.server.console.web;

import dev.janua.server.console.ConsolePages;
import dev.janua.server.console.app.ConsoleViewer;
import dev.janua.server.organizations.app.Member;
import dev.janua.server.organizations.app.MemberService;
import dev.janua.server.organizations.app.MemberService.RoleChange;
import dev.janua.server.organizations.app.OrganizationCommands.OrganizationDraft;
import dev.janua.server.organizations.app.OrganizationCommands.SettingsDraft;
import dev.janua.server.organizations.app.OrganizationQueries;
import dev.janua.server.organizations.app.OrganizationService;
import dev.janua.server.organizations.app.OrganizationView;
import dev.janua.server.organizations.app.RoleAdministration;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.web.ClientInfo;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Organizations: the list (every organization for platform admins, the ones they administer for
 * organization owners and admins), creation, and an organization's members and settings. The
 * organization's services decide every permission; the console first hides organizations the viewer
 * does not administer (404, as the API answers a non-member).
 */
@Controller
@ConsolePages
@RequestMapping("/console/organizations")
public class ConsoleOrganizationsController {
    static final int PAGE_SIZE = 25;
    private final OrganizationQueries queries;
    private final OrganizationService organizations;
    private final MemberService members;
    private final RoleAdministration roles;

    public ConsoleOrganizationsController(OrganizationQueries queries, OrganizationService organizations, MemberService members,
                                          RoleAdministration roles) {
        this.queries = queries;
        this.organizations = organizations;
        this.members = members;
        this.roles = roles;
    }

    @GetMapping
    ModelAndView list(ConsoleViewer viewer, @RequestParam(required = false) String q, @RequestParam(required = false) String cursor) {
        ModelAndView mv = new ModelAndView("console/organizations");
        if (viewer.platformAdmin()) {
            Page<OrganizationView> page = queries.listAll(viewer.caller(), Console.blankToNull(q),
                    PageRequest.of(PAGE_SIZE, Console.blankToNull(cursor), null));
            mv.addObject("rows", page.data());
            mv.addObject("nextCursor", page.pagination().nextCursor());
        } else {
            mv.addObject("rows", viewer.organizations().stream().map(o -> queries.get(viewer.caller(), o.id())).toList());
            mv.addObject("nextCursor", null);
        }
        mv.addObject("q", q == null ? "" : q);
        mv.addObject("paged", cursor != null && !cursor.isBlank());
        return mv;
    }

    @GetMapping("/switch")
    ModelAndView switchTo(ConsoleViewer viewer, @RequestParam String organization) {
        requireAdministers(viewer, organization);
        return Console.redirect(path(organization));
    }

    @PostMapping
    ModelAndView create(ConsoleViewer viewer, @RequestParam(required = false) String name, @RequestParam(required = false) String slug,
                        ClientInfo client) {
        var org = organizations.create(viewer.caller(), new OrganizationDraft(name, Console.blankToNull(slug), null, null, null, null, null, null),
                client);
        return Console.done(path(org.id()), "organization_created");
    }

    @GetMapping("/{organizationId}")
    ModelAndView members(ConsoleViewer viewer, @PathVariable String organizationId, @RequestParam(required = false) String q,
                         @RequestParam(required = false) String cursor) {
        ModelAndView mv = page(viewer, organizationId, "members");
        Page<Member> page = members.list(viewer.caller(), organizationId, null, Console.blankToNull(q),
                PageRequest.of(PAGE_SIZE, Console.blankToNull(cursor), null), false);
        mv.addObject("members", page.data());
        mv.addObject("nextCursor", page.pagination().nextCursor());
        mv.addObject("paged", cursor != null && !cursor.isBlank());
        mv.addObject("q", q == null ? "" : q);
        mv.addObject("roles", roles.roles(viewer.caller(), organizationId));
        return mv;
    }

    @PostMapping("/{organizationId}/members/{userId}/role")
    ModelAndView changeRole(ConsoleViewer viewer, @PathVariable String organizationId, @PathVariable String userId,
                            @RequestParam String role, ClientInfo client) {
        return act(viewer, organizationId, "", "role_changed",
                () -> members.changeRole(viewer.caller(), organizationId, userId, new RoleChange(role, null, null), client));
    }

    @PostMapping("/{organizationId}/members/{userId}/remove")
    ModelAndView remove(ConsoleViewer viewer, @PathVariable String organizationId, @PathVariable String userId,
                        @RequestParam(required = false) String confirm, ClientInfo client) {
        return confirmed(viewer, organizationId, confirm, "", "member_removed",
                () -> members.remove(viewer.caller(), organizationId, userId, client));
    }

    @GetMapping("/{organizationId}/settings")
    ModelAndView settings(ConsoleViewer viewer, @PathVariable String organizationId) {
        ModelAndView mv = page(viewer, organizationId, "settings");
        mv.addObject("roles", roles.roles(viewer.caller(), organizationId).stream()
                .filter(r -> !"owner".equals(r.key())).toList());
        return mv;
    }

    /** Checkboxes post "true" when ticked and nothing when not, so every flag is set from the form as a whole. */
    @PostMapping("/{organizationId}/settings")
    ModelAndView saveSettings(ConsoleViewer viewer, @PathVariable String organizationId, @RequestParam(required = false) String name,
                              @RequestParam(required = false) String description, @RequestParam(required = false) String domain,
                              @RequestParam(required = false) String mfaRequired, @RequestParam(required = false) String allowSelfSignup,
                              @RequestParam(required = false) String requireEmailVerification,
                              @RequestParam(required = false) String defaultRole, @RequestParam(required = false) Integer sessionTimeoutMinutes,
                              @RequestParam(required = false) String allowedDomains, ClientInfo client) {
        requireAdministers(viewer, organizationId);
        List<String> domains = allowedDomains == null ? List.of()
                : Arrays.stream(allowedDomains.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        SettingsDraft settings = new SettingsDraft("true".equals(allowSelfSignup), "true".equals(requireEmailVerification),
                Console.blankToNull(defaultRole), null, "true".equals(mfaRequired),
                sessionTimeoutMinutes == null ? 0 : Math.multiplyExact(sessionTimeoutMinutes, 60), domains, null);
        organizations.update(viewer.caller(), organizationId, new OrganizationDraft(name, null, description == null ? null : description.trim(),
                domain == null ? null : domain.trim(), null, null, settings, null), client);
        return Console.done(path(organizationId) + "/settings", "settings_saved");
    }

    /** The organization, the viewer's standing in it and the section tabs: every organization page starts here. */
    ModelAndView page(ConsoleViewer viewer, String organizationId, String tab) {
        requireAdministers(viewer, organizationId);
        OrganizationView org = queries.get(viewer.caller(), organizationId);
        ModelAndView mv = new ModelAndView("console/organization-" + tab);
        mv.addObject("organization", org);
        mv.addObject("tab", tab);
        return mv;
    }

    /**
     * A form's action on one organization: refused as absent unless the viewer administers it (the
     * service then applies its own permission rule), then back to the organization's {@code section}
     * ("" for members, "/invitations" …) with the localised {@code done} confirmation.
     */
    static ModelAndView act(ConsoleViewer viewer, String organizationId, String section, String done, Runnable action) {
        requireAdministers(viewer, organizationId);
        action.run();
        return Console.done(path(organizationId) + section, done);
    }

    /** The same for a destructive action: the ticked confirmation is checked too, before anything changes. */
    static ModelAndView confirmed(ConsoleViewer viewer, String organizationId, String confirm, String section, String done,
                                  Runnable action) {
        requireAdministers(viewer, organizationId);
        Confirmations.require(confirm);
        return act(viewer, organizationId, section, done, action);
    }

    /** Organizations the viewer does not administer answer as absent, as the API answers a non-member. */
    static void requireAdministers(ConsoleViewer viewer, String organizationId) {
        if (!viewer.administers(organizationId)) throw JanuaException.of(ErrorCode.ORGANIZATION_NOT_FOUND, "organizationId", organizationId);
    }

    static String path(String organizationId) {
        return "/console/organizations/" + organizationId;
    }
}
