package dev.janua.server.organizations.web;

import dev.janua.server.organizations.Membership;
import dev.janua.server.organizations.Organization;
import dev.janua.server.organizations.app.Member;
import dev.janua.server.organizations.app.MemberService;
import dev.janua.server.organizations.app.OrganizationCommands.OrganizationDraft;
import dev.janua.server.organizations.app.OrganizationQueries;
import dev.janua.server.organizations.app.OrganizationService;
import dev.janua.server.organizations.app.OrganizationView;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.rbac.SystemRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Organizations: create, read, list mine, update (PUT and PATCH are both partial), delete, self-signup. */
@JanuaApi
@Tag(name = "Organizations")
public class OrganizationController {
    private final OrganizationService organizations;
    private final OrganizationQueries queries;
    private final MemberService members;

    public OrganizationController(OrganizationService organizations, OrganizationQueries queries, MemberService members) {
        this.organizations = organizations;
        this.queries = queries;
        this.members = members;
    }

    @PostMapping("/organizations")
    @ResponseStatus(HttpStatus.CREATED)
    @AcceptsApiKeys
    @Operation(summary = "Create an organization; the caller becomes its owner (platform API keys name an ownerId)")
    public OrganizationView create(@RequestBody OrganizationDraft body, Caller caller, ClientInfo client) {
        Organization org = organizations.create(caller, body, client);
        SystemRole owner = SystemRole.OWNER;
        return caller.isApiKey() ? OrganizationView.of(org, 1, null, null)
                : OrganizationView.of(org, 1, owner.key(), owner.permissions().listed());
    }

    @GetMapping("/organizations")
    @AcceptsApiKeys
    @Operation(summary = "List the caller's organizations with the caller's role and permissions in each")
    public Page<OrganizationView> listMine(Caller caller, @RequestParam(required = false) String role,
                                           @RequestParam(required = false) Integer limit,
                                           @RequestParam(required = false) String cursor,
                                           @RequestParam(required = false) Integer page) {
        return queries.listMine(caller, role, PageRequest.of(limit, cursor, page));
    }

    @GetMapping("/organizations/{organizationId}")
    @AcceptsApiKeys
    @Operation(summary = "Get an organization with its member count (organization:read)")
    public OrganizationView get(@PathVariable String organizationId, Caller caller) {
        return queries.get(caller, organizationId);
    }

    @PatchMapping("/organizations/{organizationId}")
    @AcceptsApiKeys
    @Operation(summary = "Update an organization and its settings; absent fields stay (organization:update)")
    public OrganizationView update(@PathVariable String organizationId, @RequestBody OrganizationDraft body, Caller caller,
                                   ClientInfo client) {
        organizations.update(caller, organizationId, body, client);
        return queries.get(caller, organizationId);
    }

    @PutMapping("/organizations/{organizationId}")
    @AcceptsApiKeys
    @Operation(summary = "Update an organization (same partial body as PATCH, as seed 002 sends it)")
    public OrganizationView replace(@PathVariable String organizationId, @RequestBody OrganizationDraft body, Caller caller,
                                    ClientInfo client) {
        return update(organizationId, body, caller, client);
    }

    @DeleteMapping("/organizations/{organizationId}")
    @Operation(summary = "Delete an organization (owners only)")
    public Ack delete(@PathVariable String organizationId, Caller caller, ClientInfo client) {
        organizations.delete(caller, organizationId, client);
        return Ack.of("Organization deleted");
    }

    @PostMapping("/organizations/{organizationId}/join")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Join an organization that allows self-signup for the caller's email domain")
    public Member join(@PathVariable String organizationId, Caller caller, ClientInfo client) {
        Membership m = organizations.join(caller, organizationId, client);
        return members.get(caller, organizationId, m.userId());
    }
}
