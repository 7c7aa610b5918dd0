package dev.janua.server.scim.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.scim.app.Locations;
import dev.janua.server.scim.app.ScimGroupRoles;
import dev.janua.server.scim.app.ScimTokenService;
import dev.janua.server.scim.domain.ScimGroup;
import dev.janua.server.scim.domain.ScimToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What an organization's admins set up for SCIM in Janua's own API (user sessions only, never an
 * API key: a SCIM token provisions people): tokens, and the mapping of SCIM groups onto roles.
 */
@JanuaApi
@Tag(name = "SCIM administration")
public class ScimAdminController {
    private final ScimTokenService tokens;
    private final ScimGroupRoles groupRoles;
    private final Locations locations;

    public ScimAdminController(ScimTokenService tokens, ScimGroupRoles groupRoles, Locations locations) {
        this.tokens = tokens;
        this.groupRoles = groupRoles;
        this.locations = locations;
    }

    public record TokenDraft(String name) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenView(String id, String organizationId, String name, String token, String tokenPrefix, String scimBaseUrl,
                            String status, String createdBy, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        static TokenView of(ScimToken t, String secret, String baseUrl) {
            return new TokenView(t.id(), t.organizationId(), t.name(), secret, t.tokenPrefix(), baseUrl, t.revoked() ? "revoked" : "active",
                    t.createdBy(), t.createdAt(), t.lastUsedAt(), t.revokedAt());
        }
    }

    public record RoleMapping(String role) {}

    public record GroupView(String id, String displayName, String externalId, String roleId, Instant createdAt, Instant updatedAt) {
        static GroupView of(ScimGroup g) {
            return new GroupView(g.id(), g.displayName(), g.externalId(), g.roleId(), g.createdAt(), g.updatedAt());
        }
    }

    @PostMapping("/organizations/{organizationId}/scim/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a SCIM token for the organization; the scim_ secret is in this answer only (organization:update)")
    public TokenView create(@PathVariable String organizationId, @RequestBody(required = false) TokenDraft body, Caller caller,
                            ClientInfo client) {
        ScimTokenService.Created c = tokens.create(caller, organizationId, body == null ? null : body.name(), client);
        return TokenView.of(c.token(), c.secret(), locations.base());
    }

    @GetMapping("/organizations/{organizationId}/scim/tokens")
    @Operation(summary = "List the organization's SCIM tokens, without secrets (organization:update)")
    public Map<String, List<TokenView>> list(@PathVariable String organizationId, Caller caller) {
        return Map.of("data", tokens.list(caller, organizationId).stream().map(t -> TokenView.of(t, null, locations.base())).toList());
    }

    @DeleteMapping("/organizations/{organizationId}/scim/tokens/{tokenId}")
    @Operation(summary = "Revoke a SCIM token; it stops working at once (organization:update)")
    public TokenView revoke(@PathVariable String organizationId, @PathVariable String tokenId, Caller caller, ClientInfo client) {
        return TokenView.of(tokens.revoke(caller, organizationId, tokenId, client), null, locations.base());
    }

    @GetMapping("/organizations/{organizationId}/scim/groups")
    @Operation(summary = "List the organization's SCIM groups with their role mapping (organization:update)")
    public Map<String, List<GroupView>> groups(@PathVariable String organizationId, Caller caller) {
        return Map.of("data", groupRoles.list(caller, organizationId).stream().map(GroupView::of).toList());
    }

    @PutMapping("/organizations/{organizationId}/scim/groups/{groupId}/role")
    @Operation(summary = "Map a SCIM group onto a role (role: id or key; null removes the mapping); members' roles follow")
    public GroupView mapRole(@PathVariable String organizationId, @PathVariable String groupId, @RequestBody RoleMapping body,
                             Caller caller, ClientInfo client) {
        return GroupView.of(groupRoles.map(caller, organizationId, groupId, body.role(), client));
    }
}
