package dev.janua.server.organizations.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.organizations.ActiveOrganization;
import dev.janua.server.organizations.app.RoleAdministration;
import dev.janua.server.organizations.app.RoleAdministration.CountedRole;
import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.rbac.Role;
import dev.janua.server.rbac.RoleDirectory.RoleDraft;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Roles of the active organization (from the path, {@code organizationId}, {@code X-Organization-ID}
 * or the calling API key): the four system roles and the organization's custom roles.
 */
@JanuaApi
@Tag(name = "RBAC")
@AcceptsApiKeys
public class RoleController {
    private final RoleAdministration roles;

    public RoleController(RoleAdministration roles) {
        this.roles = roles;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoleView(String id, String key, String name, String description, List<String> permissions, boolean isSystem,
                           String organizationId, Long memberCount, Instant createdAt, Instant updatedAt) {
        static RoleView of(CountedRole c) {
            Role r = c.role();
            return new RoleView(r.id(), r.key(), r.name(), r.description(), r.permissions(), r.system(), r.organizationId(),
                    c.memberCount(), r.createdAt(), r.updatedAt());
        }
    }

    public record RoleList(List<RoleView> data) {}

    @GetMapping({"/roles", "/organizations/{organizationId}/roles"})
    @Operation(summary = "List roles of the active organization with member counts (roles:read); without one, the system roles")
    public RoleList list(Caller caller, @PathVariable(required = false) String organizationId,
                         @RequestParam(name = "organizationId", required = false) String orgParam,
                         @RequestHeader(name = ActiveOrganization.HEADER, required = false) String orgHeader) {
        String org = ActiveOrganization.of(caller, organizationId != null ? organizationId : orgParam, orgHeader);
        return new RoleList(roles.list(caller, org).stream().map(RoleView::of).toList());
    }

    @GetMapping({"/roles/{roleId}", "/organizations/{organizationId}/roles/{roleId}"})
    @Operation(summary = "Get a role by id or key (roles:read)")
    public RoleView get(Caller caller, @PathVariable(required = false) String organizationId, @PathVariable String roleId,
                        @RequestHeader(name = ActiveOrganization.HEADER, required = false) String orgHeader) {
        return RoleView.of(roles.get(caller, ActiveOrganization.of(caller, organizationId, orgHeader), roleId));
    }

    @PostMapping({"/roles", "/organizations/{organizationId}/roles"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a custom role (roles:write); it cannot hold more than its author")
    public RoleView create(Caller caller, @PathVariable(required = false) String organizationId, @RequestBody RoleDraftBody body,
                           @RequestHeader(name = ActiveOrganization.HEADER, required = false) String orgHeader, ClientInfo client) {
        String org = ActiveOrganization.of(caller, organizationId != null ? organizationId : body.organizationId(), orgHeader);
        return RoleView.of(roles.create(caller, org, body.draft(), client));
    }

    @PatchMapping({"/roles/{roleId}", "/organizations/{organizationId}/roles/{roleId}"})
    @Operation(summary = "Update a custom role's name, description or permissions (roles:write)")
    public RoleView update(Caller caller, @PathVariable(required = false) String organizationId, @PathVariable String roleId,
                           @RequestBody RoleDraftBody body,
                           @RequestHeader(name = ActiveOrganization.HEADER, required = false) String orgHeader, ClientInfo client) {
        String org = ActiveOrganization.of(caller, organizationId != null ? organizationId : body.organizationId(), orgHeader);
        return RoleView.of(roles.update(caller, org, roleId, body.draft(), client));
    }

    @PutMapping({"/roles/{roleId}", "/organizations/{organizationId}/roles/{roleId}"})
    @Operation(summary = "Update a custom role (same partial body as PATCH)")
    public RoleView replace(Caller caller, @PathVariable(required = false) String organizationId, @PathVariable String roleId,
                            @RequestBody RoleDraftBody body,
                            @RequestHeader(name = ActiveOrganization.HEADER, required = false) String orgHeader, ClientInfo client) {
        return update(caller, organizationId, roleId, body, orgHeader, client);
    }

    @DeleteMapping({"/roles/{roleId}", "/organizations/{organizationId}/roles/{roleId}"})
    @Operation(summary = "Delete a custom role no member holds (roles:write)")
    public Ack delete(Caller caller, @PathVariable(required = false) String organizationId, @PathVariable String roleId,
                      @RequestParam(name = "organizationId", required = false) String orgParam,
                      @RequestHeader(name = ActiveOrganization.HEADER, required = false) String orgHeader, ClientInfo client) {
        String org = ActiveOrganization.of(caller, organizationId != null ? organizationId : orgParam, orgHeader);
        roles.delete(caller, org, roleId, client);
        return Ack.of("Role deleted");
    }

    public record RoleDraftBody(String name, String key, String description, List<String> permissions, String organizationId) {
        RoleDraft draft() {
            return new RoleDraft(name, key, description, permissions);
        }
    }
}
