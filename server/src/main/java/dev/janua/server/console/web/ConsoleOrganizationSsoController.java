package dev.janua.server.console.web;

import dev.janua.server.console.ConsolePages;
import dev.janua.server.console.app.ConsoleViewer;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.scim.app.Locations;
import dev.janua.server.scim.app.ScimTokenService;
import dev.janua.server.sso.app.SamlServiceProvider;
import dev.janua.server.sso.app.SsoConnections;
import dev.janua.server.sso.app.SsoDomains;
import dev.janua.server.sso.app.SsoDraft;
import dev.janua.server.sso.domain.ProviderCatalogue;
import dev.janua.server.sso.domain.SsoConnection;
import dev.janua.server.sso.web.SsoViews;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * An organization's enterprise sign-in: its SSO connection (SAML by metadata, or OIDC) with the
 * values to enter at the identity provider, its email domains with their DNS proof, and its SCIM
 * tokens (the secret shown once, on the answer to the creating form). The SSO and SCIM services
 * decide every permission, validate and audit, exactly as behind {@code /organizations/{id}/sso}
 * and {@code /organizations/{id}/scim/tokens}.
 */
@Controller
@ConsolePages
@RequestMapping("/console/organizations/{organizationId}")
public class ConsoleOrganizationSsoController {
    private final ConsoleOrganizationsController pages;
    private final SsoConnections connections;
    private final SsoDomains domains;
    private final SamlServiceProvider sp;
    private final PublicUrl publicUrl;
    private final ScimTokenService scimTokens;
    private final Locations scimLocations;

    public ConsoleOrganizationSsoController(ConsoleOrganizationsController pages, SsoConnections connections, SsoDomains domains,
                                            SamlServiceProvider sp, PublicUrl publicUrl, ScimTokenService scimTokens,
                                            Locations scimLocations) {
        this.pages = pages;
        this.connections = connections;
        this.domains = domains;
        this.sp = sp;
        this.publicUrl = publicUrl;
        this.scimTokens = scimTokens;
        this.scimLocations = scimLocations;
    }

    public record TokenRow(String id, String name, String prefix, boolean revoked, String createdAt, String lastUsedAt, String revokedAt) {}

    @GetMapping("/sso")
    ModelAndView sso(ConsoleViewer viewer, @PathVariable String organizationId) {
        ModelAndView mv = pages.page(viewer, organizationId, "sso");
        Optional<SsoConnection> connection = connection(viewer, organizationId);
        mv.addObject("connection", connection.map(c -> SsoViews.of(c, List.of(), sp, publicUrl.base())).orElse(null));
        mv.addObject("domains", domains.list(viewer.caller(), organizationId).stream().map(SsoViews.DomainView::of).toList());
        mv.addObject("providers", ProviderCatalogue.all());
        return mv;
    }

    /** One form creates the connection or changes it; blank fields keep their value (a secret is never shown back). */
    @PostMapping("/sso")
    ModelAndView saveSso(ConsoleViewer viewer, @PathVariable String organizationId, @RequestParam(required = false) String protocol,
                         @RequestParam(required = false) String provider, @RequestParam(required = false) String enabled,
                         @RequestParam(required = false) String samlMetadataUrl, @RequestParam(required = false) String samlMetadataXml,
                         @RequestParam(required = false) String oidcIssuer, @RequestParam(required = false) String clientId,
                         @RequestParam(required = false) String clientSecret, @RequestParam(required = false) String jitProvisioning,
                         @RequestParam(required = false) String defaultRole, ClientInfo client) {
        ConsoleOrganizationsController.requireAdministers(viewer, organizationId);
        SsoDraft draft = new SsoDraft(Console.blankToNull(provider), Console.blankToNull(protocol), "true".equals(enabled),
                Console.blankToNull(samlMetadataUrl), Console.blankToNull(samlMetadataXml), null, null, null,
                Console.blankToNull(oidcIssuer), Console.blankToNull(clientId), Console.blankToNull(clientSecret), null, null, null,
                "true".equals(jitProvisioning), null, Console.blankToNull(defaultRole), null, null);
        boolean exists = connection(viewer, organizationId).isPresent();
        if (exists) connections.update(viewer.caller(), organizationId, draft, client);
        else connections.create(viewer.caller(), organizationId, draft, client);
        return Console.done(ConsoleOrganizationsController.path(organizationId) + "/sso", exists ? "sso_updated" : "sso_configured");
    }

    @PostMapping("/sso/delete")
    ModelAndView deleteSso(ConsoleViewer viewer, @PathVariable String organizationId, @RequestParam(required = false) String confirm,
                           ClientInfo client) {
        return ConsoleOrganizationsController.confirmed(viewer, organizationId, confirm, "/sso", "sso_deleted",
                () -> connections.delete(viewer.caller(), organizationId, client));
    }

    @PostMapping("/sso/domains")
    ModelAndView addDomain(ConsoleViewer viewer, @PathVariable String organizationId, @RequestParam(required = false) String domain,
                           ClientInfo client) {
        return ConsoleOrganizationsController.act(viewer, organizationId, "/sso", "domain_added",
                () -> domains.add(viewer.caller(), organizationId, domain, client));
    }

    @PostMapping("/sso/domains/{domain}/verify")
    ModelAndView verifyDomain(ConsoleViewer viewer, @PathVariable String organizationId, @PathVariable String domain, ClientInfo client) {
        return ConsoleOrganizationsController.act(viewer, organizationId, "/sso", "domain_verified",
                () -> domains.verify(viewer.caller(), organizationId, domain, client));
    }

    @PostMapping("/sso/domains/{domain}/remove")
    ModelAndView removeDomain(ConsoleViewer viewer, @PathVariable String organizationId, @PathVariable String domain,
                              @RequestParam(required = false) String confirm, ClientInfo client) {
        return ConsoleOrganizationsController.confirmed(viewer, organizationId, confirm, "/sso", "domain_removed",
                () -> domains.remove(viewer.caller(), organizationId, domain, client));
    }

    @GetMapping("/scim")
    ModelAndView scim(ConsoleViewer viewer, @PathVariable String organizationId) {
        return scimPage(viewer, organizationId, null);
    }

    /** Answers with the page itself (not a redirect): the secret is in this one response and nowhere else. */
    @PostMapping("/scim/tokens")
    ModelAndView createToken(ConsoleViewer viewer, @PathVariable String organizationId, @RequestParam(required = false) String name,
                             ClientInfo client) {
        ConsoleOrganizationsController.requireAdministers(viewer, organizationId);
        ScimTokenService.Created created = scimTokens.create(viewer.caller(), organizationId, Console.blankToNull(name), client);
        return scimPage(viewer, organizationId, created.secret());
    }

    @PostMapping("/scim/tokens/{tokenId}/revoke")
    ModelAndView revokeToken(ConsoleViewer viewer, @PathVariable String organizationId, @PathVariable String tokenId,
                             @RequestParam(required = false) String confirm, ClientInfo client) {
        return ConsoleOrganizationsController.confirmed(viewer, organizationId, confirm, "/scim", "scim_token_revoked",
                () -> scimTokens.revoke(viewer.caller(), organizationId, tokenId, client));
    }

    private ModelAndView scimPage(ConsoleViewer viewer, String organizationId, String newSecret) {
        ModelAndView mv = pages.page(viewer, organizationId, "scim");
        mv.addObject("tokens", scimTokens.list(viewer.caller(), organizationId).stream().map(t -> new TokenRow(t.id(), t.name(),
                t.tokenPrefix(), t.revoked(), Console.when(t.createdAt()), Console.when(t.lastUsedAt()), Console.when(t.revokedAt()))).toList());
        mv.addObject("scimBaseUrl", scimLocations.base());
        mv.addObject("newSecret", newSecret);
        return mv;
    }

    /** The connection, or empty when none is configured yet (the service's 404 SSO_NOT_CONFIGURED). */
    private Optional<SsoConnection> connection(ConsoleViewer viewer, String organizationId) {
        try {
            return Optional.of(connections.get(viewer.caller(), organizationId));
        } catch (JanuaException e) {
            if (e.code() == ErrorCode.SSO_NOT_CONFIGURED) return Optional.empty();
            throw e;
        }
    }
}
