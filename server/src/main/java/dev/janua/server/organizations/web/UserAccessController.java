package dev.janua.server.organizations.web;

import dev.janua.server.organizations.ActiveOrganization;
import dev.janua.server.organizations.app.PermissionChecks;
import dev.janua.server.organizations.app.PermissionChecks.CheckResponse;
import dev.janua.server.organizations.app.PermissionChecks.UserRoles;
import dev.janua.server.platform.security.AcceptsApiKeys;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** A user's roles and permission checks ({@code me} stands for the caller). */
@JanuaApi
@Tag(name = "RBAC")
@AcceptsApiKeys
public class UserAccessController {
    private final PermissionChecks checks;

    public UserAccessController(PermissionChecks checks) {
        this.checks = checks;
    }

    public record CheckContext(String organizationId, String resourceId) {}

    public record CheckRequest(List<String> permissions, CheckContext context) {}

    @PostMapping("/users/{userId}/permissions/check")
    @Operation(summary = "Check permissions of a user in an organization: granted with source, or reason")
    public CheckResponse check(@PathVariable String userId, @RequestBody CheckRequest body, Caller caller,
                               @RequestHeader(name = ActiveOrganization.HEADER, required = false) String orgHeader) {
        CheckContext ctx = body.context() == null ? new CheckContext(null, null) : body.context();
        String org = ActiveOrganization.of(caller, ctx.organizationId(), orgHeader);
        return checks.check(caller, MemberController.me(userId, caller), body.permissions(), org, ctx.resourceId());
    }

    @GetMapping("/users/{userId}/roles")
    @Operation(summary = "A user's role and permissions in each organization")
    public UserRoles roles(@PathVariable String userId, Caller caller,
                           @RequestParam(name = "organizationId", required = false) String orgParam,
                           @RequestHeader(name = ActiveOrganization.HEADER, required = false) String orgHeader) {
        return checks.rolesOf(caller, MemberController.me(userId, caller), ActiveOrganization.of(caller, orgParam, orgHeader));
    }
}
