package dev.janua.server.organizations.app;

import dev.janua.server.organizations.Membership;
import dev.janua.server.organizations.OrganizationGrant;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.rbac.Role;
import dev.janua.server.rbac.RoleDirectory;
import dev.janua.server.rbac.SystemRole;

import dev.janua.server.organizations.Organization;
import dev.janua.server.organizations.OrganizationDirectory;
import dev.janua.server.organizations.persistence.JdbcMemberRepository;
import dev.janua.server.organizations.persistence.JdbcOrganizationRepository;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class OrganizationDirectoryService implements OrganizationDirectory {
    private final JdbcOrganizationRepository organizations;
    private final JdbcMemberRepository members;

    private final AccessService access;
    private final RoleDirectory roles;

    OrganizationDirectoryService(JdbcOrganizationRepository organizations, JdbcMemberRepository members, AccessService access,
                                 RoleDirectory roles) {
        this.organizations = organizations;
        this.members = members;
        this.access = access;
        this.roles = roles;
    }

    @Override
    public List<OrganizationGrant> grantsOf(String userId) {
        return members.listForUser(userId, null, PageRequest.of(100, null, null)).stream().limit(100).map(row -> {
            Membership m = row.membership();
            String role = SystemRole.find(m.roleId()).map(SystemRole::key)
                    .orElseGet(() -> roles.find(m.organizationId(), m.roleId()).map(Role::key).orElse(m.roleId()));
            return new OrganizationGrant(m.organizationId(), role,
                    access.permissionsOf(m.organizationId(), m.roleId(), m.extraPermissions()).listed());
        }).toList();
    }

    @Override
    public Optional<Organization> find(String organizationId) {
        return organizations.find(organizationId);
    }

    @Override
    public Optional<Duration> sessionTimeoutFor(String userId) {
        return organizations.shortestSessionTimeout(userId).map(Duration::ofSeconds);
    }

    @Override
    public boolean mfaRequiredFor(String userId) {
        return organizations.anyRequiresMfa(userId);
    }

    @Override
    public List<String> soleOwnerships(String userId) {
        return members.soleOwnerships(userId);
    }

    /**
     * Takes the same organization row locks as membership changes (in id order, against deadlocks)
     * before counting, so two owners leaving at once cannot both see the other and orphan it.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireNotSoleOwner(String userId) {
        for (String organizationId : members.ownedOrganizations(userId)) organizations.lock(organizationId);
        List<String> owned = soleOwnerships(userId);
        if (!owned.isEmpty()) throw JanuaException.of(ErrorCode.LAST_OWNER, "organizationIds", owned);
    }
}
