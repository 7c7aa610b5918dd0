package dev.janua.server.organizations.app;

import dev.janua.server.organizations.Organization;
import dev.janua.server.organizations.OrganizationAccess.Access;
import dev.janua.server.organizations.persistence.JdbcMemberRepository;
import dev.janua.server.organizations.persistence.JdbcMemberRepository.MyOrganizationRow;
import dev.janua.server.organizations.persistence.JdbcOrganizationRepository;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.rbac.Role;
import dev.janua.server.users.PlatformAdmins;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads of organizations: one with its member count, the caller's own, and all (platform view). */
@Service
public class OrganizationQueries {
    private final JdbcOrganizationRepository organizations;
    private final JdbcMemberRepository members;
    private final AccessService access;
    private final OrganizationRoles roles;
    private final PlatformAdmins admins;

    public OrganizationQueries(JdbcOrganizationRepository organizations, JdbcMemberRepository members, AccessService access,
                               OrganizationRoles roles, PlatformAdmins admins) {
        this.organizations = organizations;
        this.members = members;
        this.access = access;
        this.roles = roles;
        this.admins = admins;
    }

    public OrganizationView get(Caller caller, String organizationId) {
        Access a = access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_READ);
        Organization org = organizations.find(organizationId).orElseThrow(() -> AccessService.notFound(organizationId));
        Role role = a.roleId() == null ? null : roles.byId(organizationId).get(a.roleId());
        return OrganizationView.of(org, organizations.memberCount(organizationId), role == null ? a.roleId() : role.key(),
                a.permissions().listed());
    }

    /**
     * The caller's organizations with the caller's role and permissions in each. An organization's
     * API key sees its own organization; a platform key with {@code organizations:read} sees all.
     */
    public Page<OrganizationView> listMine(Caller caller, String role, PageRequest page) {
        if (caller.isApiKey()) {
            if (caller.apiKey().platformScoped()) return listAll(caller, null, page);
            return Page.fromRows(List.of(get(caller, caller.apiKey().organizationId())), page, OrganizationView::id, 1L);
        }
        String roleId = role == null || role.isBlank() ? null : roles.resolve(null, role).id();
        List<MyOrganizationRow> rows = members.listForUser(caller.userId(), roleId, page);
        long total = members.countForUser(caller.userId(), roleId);
        return Page.fromRows(rows, page, r -> r.organization().id(), total).map(this::mine);
    }

    /** Every organization: platform admins and platform keys with {@code organizations:read}. */
    public Page<OrganizationView> listAll(Caller caller, String search, PageRequest page) {
        admins.require(caller, PermissionCatalogue.ORGANIZATIONS_READ);
        var rows = organizations.search(search, page);
        return Page.fromRows(rows, page, r -> r.organization().id(), organizations.count(search))
                .map(r -> OrganizationView.of(r.organization(), r.memberCount(), null, null));
    }

    private OrganizationView mine(MyOrganizationRow r) {
        String orgId = r.organization().id();
        Role role = roles.byId(orgId).get(r.membership().roleId());
        if (role == null) return OrganizationView.of(r.organization(), r.memberCount(), r.membership().roleId(), List.of());
        return OrganizationView.of(r.organization(), r.memberCount(), role.key(),
                role.permissionSet().plus(r.membership().extraPermissions()).listed());
    }
}
