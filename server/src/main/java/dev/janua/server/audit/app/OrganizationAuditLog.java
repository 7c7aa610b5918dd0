package dev.janua.server.audit.app;

import dev.janua.server.audit.AuditEntry;
import dev.janua.server.audit.persistence.JdbcAuditRepository.Filter;
import dev.janua.server.organizations.OrganizationAccess;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.rbac.PermissionCatalogue;
import org.springframework.stereotype.Service;

/**
 * One organization's audit records, for those who administer it: the organization filter is forced
 * to that organization whatever else is asked, and the caller must hold {@code organization:update}
 * there (owners and admins; platform admins everywhere). A non-member gets 404
 * {@code ORGANIZATION_NOT_FOUND}, as on every organization endpoint.
 */
@Service
public class OrganizationAuditLog {
    private final AuditService audit;
    private final OrganizationAccess access;

    public OrganizationAuditLog(AuditService audit, OrganizationAccess access) {
        this.audit = audit;
        this.access = access;
    }

    public Page<AuditEntry> search(Caller caller, String organizationId, Filter filter, PageRequest page) {
        access.require(caller, organizationId, PermissionCatalogue.ORGANIZATION_UPDATE);
        return audit.search(filter.inOrganization(organizationId), page);
    }
}
