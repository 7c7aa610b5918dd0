package dev.janua.server.graphql.web;

import dev.janua.server.graphql.web.GraphQlViews.InvitationNode;
import dev.janua.server.graphql.web.GraphQlViews.MemberNode;
import dev.janua.server.graphql.web.GraphQlViews.OrganizationNode;
import dev.janua.server.graphql.web.GraphQlViews.RoleNode;
import dev.janua.server.graphql.web.GraphQlViews.SsoConfiguration;
import dev.janua.server.organizations.Organization;
import dev.janua.server.organizations.app.InvitationService;
import dev.janua.server.organizations.app.InvitationService.InvitationDraft;
import dev.janua.server.organizations.app.MemberService;
import dev.janua.server.organizations.app.MemberService.RoleChange;
import dev.janua.server.organizations.app.OrganizationCommands.OrganizationDraft;
import dev.janua.server.organizations.app.OrganizationQueries;
import dev.janua.server.organizations.app.OrganizationService;
import dev.janua.server.organizations.app.OrganizationView;
import dev.janua.server.organizations.app.RoleAdministration;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.rbac.SystemRole;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Organizations, members, roles and invitations over GraphQL: the services behind
 * {@code OrganizationController}, {@code MemberController}, {@code RoleController} and
 * {@code InvitationController}, so the same permissions ({@code organization:read},
 * {@code members:read}, {@code members:invite}, {@code members:update}, …) and the same 404 for
 * organizations the caller is not in.
 */
@Controller
@AcceptsApiKeys
public class OrganizationGraph {
    private final OrganizationService organizations;
    private final OrganizationQueries queries;
    private final MemberService members;
    private final RoleAdministration roles;
    private final InvitationService invitations;

    private final dev.janua.server.sso.SsoDirectory sso;

    public OrganizationGraph(OrganizationService organizations, OrganizationQueries queries, MemberService members,
                             RoleAdministration roles, InvitationService invitations, dev.janua.server.sso.SsoDirectory sso) {
        this.sso = sso;
        this.organizations = organizations;
        this.queries = queries;
        this.members = members;
        this.roles = roles;
        this.invitations = invitations;
    }

    public record OrganizationInput(String name, String slug, String description, String domain, String logoUrl,
                                    String billingEmail) {
        OrganizationDraft draft() {
            return new OrganizationDraft(name, slug, description, domain, logoUrl, billingEmail, null, null);
        }
    }

    public record InviteMemberInput(String email, String role, String customRole, List<String> permissions, String message) {}

    @QueryMapping
    public OrganizationNode organization(@Argument String id, Caller caller) {
        return OrganizationNode.of(queries.get(caller, id));
    }

    @QueryMapping
    public Connection<OrganizationNode> organizations(@Argument Integer first, @Argument String after, @Argument String role,
                                                      Caller caller) {
        return Connection.of(queries.listMine(caller, role, PageRequest.of(first, after, null)).map(OrganizationNode::of),
                OrganizationNode::id);
    }

    @SchemaMapping(typeName = "Organization", field = "members")
    public List<MemberNode> members(OrganizationNode org, @Argument Integer limit, @Argument String after, @Argument String role,
                                    @Argument String search, Caller caller) {
        return members.list(caller, org.id(), role, search, PageRequest.of(limit, after, null), false).data().stream()
                .map(MemberNode::of).toList();
    }

    @SchemaMapping(typeName = "Organization", field = "ssoConfiguration")
    public SsoConfiguration ssoConfiguration(OrganizationNode org) {
        // the organization node was resolved through the caller's access check; this adds no other organization's data
        return sso.summaryOf(org.id()).map(s -> new SsoConfiguration(s.provider(), s.enabled(), s.verifiedDomains()))
                .orElse(SsoConfiguration.NONE);
    }

    @QueryMapping
    public List<RoleNode> roles(@Argument String organizationId, Caller caller) {
        return roles.list(caller, organizationId).stream().map(RoleNode::of).toList();
    }

    @QueryMapping
    public Connection<InvitationNode> invitations(@Argument String organizationId, @Argument String status, @Argument Integer first,
                                                  @Argument String after, Caller caller) {
        return Connection.of(invitations.list(caller, organizationId, status, PageRequest.of(first, after, null))
                .map(InvitationNode::of), InvitationNode::id);
    }

    @MutationMapping
    public OrganizationNode createOrganization(@Argument OrganizationInput input, Caller caller, ClientInfo client) {
        Organization org = organizations.create(caller, input.draft(), client);
        SystemRole owner = SystemRole.OWNER;
        return OrganizationNode.of(caller.isApiKey() ? OrganizationView.of(org, 1, null, null)
                : OrganizationView.of(org, 1, owner.key(), owner.permissions().listed()));
    }

    @MutationMapping
    public OrganizationNode updateOrganization(@Argument String id, @Argument OrganizationInput input, Caller caller,
                                               ClientInfo client) {
        organizations.update(caller, id, input.draft(), client);
        return OrganizationNode.of(queries.get(caller, id));
    }

    @MutationMapping
    public boolean deleteOrganization(@Argument String id, Caller caller, ClientInfo client) {
        organizations.delete(caller, id, client);
        return true;
    }

    @MutationMapping
    public InvitationNode inviteMember(@Argument String organizationId, @Argument InviteMemberInput input, Caller caller,
                                       ClientInfo client, DataFetchingEnvironment env) {
        InvitationDraft draft = new InvitationDraft(input.email(), input.role(), input.customRole(), input.permissions(),
                input.message(), null);
        return InvitationNode.of(invitations.create(caller, organizationId, draft, env.getLocale(), client));
    }

    @MutationMapping
    public InvitationNode revokeInvitation(@Argument String organizationId, @Argument String invitationId, Caller caller,
                                           ClientInfo client) {
        return InvitationNode.of(invitations.revoke(caller, organizationId, invitationId, client));
    }

    @MutationMapping
    public MemberNode updateMemberRole(@Argument String organizationId, @Argument String userId, @Argument String role,
                                       @Argument String customRole, @Argument List<String> permissions, Caller caller,
                                       ClientInfo client) {
        return MemberNode.of(members.changeRole(caller, organizationId, userId, new RoleChange(role, customRole, permissions), client));
    }

    @MutationMapping
    public boolean removeMember(@Argument String organizationId, @Argument String userId, Caller caller, ClientInfo client) {
        members.remove(caller, organizationId, userId, client);
        return true;
    }
}
