package dev.janua.server.social.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.organizations.OrganizationAccess;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.social.app.ProviderAdministration;
import dev.janua.server.social.app.ProviderAdministration.ProviderInput;
import dev.janua.server.social.app.ProviderRegistry;
import dev.janua.server.social.app.SocialLoginFlow;
import dev.janua.server.social.domain.ProviderConfig;
import dev.janua.server.users.PlatformAdmins;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Provider configurations: platform-wide ones by platform admins, an organization's own by its
 * admins (organization:update). Client secrets are write-only; each view carries the callback
 * URL to register in the provider's console.
 */
@JanuaApi
@Tag(name = "Social login")
public class ProviderAdminController {
    private final ProviderAdministration admin;
    private final ProviderRegistry registry;
    private final SocialLoginFlow flow;
    private final PlatformAdmins admins;
    private final OrganizationAccess access;

    public ProviderAdminController(ProviderAdministration admin, ProviderRegistry registry, SocialLoginFlow flow, PlatformAdmins admins,
                                   OrganizationAccess access) {
        this.admin = admin;
        this.registry = registry;
        this.flow = flow;
        this.admins = admins;
        this.access = access;
    }

    public record ProviderRequest(String provider, String kind, @JsonAlias("organization_id") String organizationId,
                                  @JsonAlias({"name", "display_name"}) String displayName, Boolean enabled,
                                  @JsonAlias("client_id") String clientId, @JsonAlias({"client_secret", "privateKey"}) String clientSecret,
                                  String issuer, @JsonAlias("authorization_url") String authorizationUrl, @JsonAlias("token_url") String tokenUrl,
                                  @JsonAlias("userinfo_url") String userinfoUrl, @JsonAlias("jwks_url") String jwksUrl, List<String> scopes,
                                  @JsonAlias("claim_mapping") Map<String, String> claimMapping, Map<String, String> settings) {
        ProviderInput input() {
            return new ProviderInput(provider, kind, organizationId, displayName, enabled, clientId, clientSecret, issuer, authorizationUrl,
                    tokenUrl, userinfoUrl, jwksUrl, scopes, claimMapping, settings);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProviderView(String id, String provider, String kind, String name, boolean enabled, String clientId, boolean hasClientSecret,
                               String issuer, String authorizationUrl, String tokenUrl, String userinfoUrl, String jwksUrl, List<String> scopes,
                               Map<String, String> claimMapping, Map<String, String> settings, String organizationId, String source,
                               String redirectUri) {}

    private ProviderView view(ProviderConfig p) {
        return new ProviderView(p.id(), p.slug(), p.kind().wireName(), p.name(), p.enabled(), p.clientId(), p.clientSecret() != null,
                p.issuer(), p.authorizationUrl(), p.tokenUrl(), p.userinfoUrl(), p.jwksUrl(), p.scopes(), p.claimMapping(), p.settings(),
                p.organizationId(), p.source(), flow.callbackUrl(p.slug()));
    }

    @GetMapping("/admin/oauth/providers")
    @Operation(summary = "List provider configurations (platform-wide, plus an organization's with organization_id)")
    public Page<ProviderView> list(Caller caller, @RequestParam(name = "organization_id", required = false) String organizationId) {
        requireManage(caller, organizationId);
        List<ProviderView> all = registry.list(blank(organizationId)).stream().map(this::view).toList();
        return new Page<>(all, new Page.Pagination(all.size(), false, null, (long) all.size(), null));
    }

    @PostMapping("/admin/oauth/providers")
    @Operation(summary = "Configure a provider (google, github, microsoft, apple, discord, twitter, linkedin, or kind oidc/oauth2 with its own name)")
    public ResponseEntity<ProviderView> create(Caller caller, @RequestBody ProviderRequest body, ClientInfo client) {
        requireManage(caller, body.organizationId());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(admin.create(body.input(), caller.actorId(), client)));
    }

    @GetMapping("/admin/oauth/providers/{id}")
    @Operation(summary = "One stored provider configuration (the secret is never returned)")
    public ProviderView get(Caller caller, @PathVariable String id) {
        return view(manageable(caller, id));
    }

    @PatchMapping("/admin/oauth/providers/{id}")
    @Operation(summary = "Change a provider configuration; fields left out keep their values, a new clientSecret replaces the old")
    public ProviderView update(Caller caller, @PathVariable String id, @RequestBody ProviderRequest body, ClientInfo client) {
        manageable(caller, id);
        return view(admin.update(id, body.input(), caller.actorId(), client));
    }

    @DeleteMapping("/admin/oauth/providers/{id}")
    @Operation(summary = "Remove a provider configuration (linked identities stay; they sign in again once it is configured again)")
    public ResponseEntity<Void> delete(Caller caller, @PathVariable String id, ClientInfo client) {
        manageable(caller, id);
        admin.delete(id, caller.actorId(), client);
        return ResponseEntity.noContent().build();
    }

    private ProviderConfig manageable(Caller caller, String id) {
        ProviderConfig p = registry.findStored(id).orElse(null);
        if (p == null) {
            admins.require(caller);
            throw JanuaException.of(ErrorCode.OAUTH_PROVIDER_NOT_FOUND, "id", id);
        }
        requireManage(caller, p.organizationId());
        return p;
    }

    private void requireManage(Caller caller, String organizationId) {
        if (organizationId == null || organizationId.isBlank() || admins.isAdmin(caller)) {
            admins.require(caller);
            return;
        }
        access.require(caller, organizationId.strip(), PermissionCatalogue.ORGANIZATION_UPDATE);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
