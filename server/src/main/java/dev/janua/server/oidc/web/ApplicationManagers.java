package dev.janua.server.oidc.web;

import dev.janua.server.oidc.app.ApplicationService;
import dev.janua.server.oidc.domain.Application;
import dev.janua.server.organizations.OrganizationAccess;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.users.PlatformAdmins;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who may manage an application: platform admins every one; an organization's owners and admins
 * (whoever holds {@code organization:update} there) that organization's. Anyone else gets 403 —
 * also for an id that does not exist or belongs to another organization, so ids reveal nothing.
 */
@Component
class ApplicationManagers {
    static final String MANAGE = PermissionCatalogue.ORGANIZATION_UPDATE;
    private final ApplicationService applications;
    private final PlatformAdmins admins;
    private final OrganizationAccess access;

    ApplicationManagers(ApplicationService applications, PlatformAdmins admins, OrganizationAccess access) {
        this.applications = applications;
        this.admins = admins;
        this.access = access;
    }

    /** May the caller manage applications of {@code organizationId} (null: platform applications)? */
    void requireManage(Caller caller, String organizationId) {
        if (organizationId == null || organizationId.isBlank()) {
            admins.require(caller);
            return;
        }
        if (admins.isAdmin(caller)) {
            access.resolve(caller, organizationId.strip()); // the organization must exist (404 otherwise)
            return;
        }
        requireOrgAdmin(caller, organizationId.strip());
    }

    /** 403 alike for members without the permission, non-members and organizations that do not exist. */
    void requireOrgAdmin(Caller caller, String organizationId) {
        try {
            access.require(caller, organizationId, MANAGE);
        } catch (JanuaException e) {
            if (e.code() == ErrorCode.ORGANIZATION_NOT_FOUND) throw forbidden();
            throw e;
        }
    }

    /** The application, if the caller may manage it; 403 alike for missing ids and other organizations' applications. */
    Application manageable(String id, Caller caller) {
        if (admins.isAdmin(caller)) return applications.get(id);
        Application a = applications.find(id).filter(x -> x.organizationId() != null).orElseThrow(ApplicationManagers::forbidden);
        requireOrgAdmin(caller, a.organizationId());
        return a;
    }

    static JanuaException forbidden() {
        return new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("required", "platform_admin_or_" + MANAGE));
    }
}
