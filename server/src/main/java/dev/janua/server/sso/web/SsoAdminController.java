package dev.janua.server.sso.web;

import dev.janua.server.organizations.ActiveOrganization;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.sso.app.SamlServiceProvider;
import dev.janua.server.sso.app.SsoConnections;
import dev.janua.server.sso.app.SsoDomains;
import dev.janua.server.sso.domain.ProviderCatalogue;
import dev.janua.server.sso.domain.SsoConnection;
import dev.janua.server.sso.domain.SsoProtocol;
import dev.janua.server.sso.web.SsoRequests.ConnectionBody;
import dev.janua.server.sso.web.SsoRequests.DomainBody;
import dev.janua.server.sso.web.SsoViews.ConnectionView;
import dev.janua.server.sso.web.SsoViews.DomainView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
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
 * An organization's SSO connection and domains, as its admins manage them (seed 000
 * {@code POST /organizations/{id}/sso}; seed 001 {@code GET /sso/config}, {@code GET /sso/providers}).
 */
@JanuaApi
@Tag(name = "Enterprise SSO")
public class SsoAdminController {
    private final SsoConnections connections;
    private final SsoDomains domains;
    private final SamlServiceProvider sp;
    private final PublicUrl publicUrl;

    public SsoAdminController(SsoConnections connections, SsoDomains domains, SamlServiceProvider sp, PublicUrl publicUrl) {
        this.connections = connections;
        this.domains = domains;
        this.sp = sp;
        this.publicUrl = publicUrl;
    }

    @PostMapping("/organizations/{organizationId}/sso")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Configure the organization's SSO connection (SAML by metadata URL or XML, or OIDC); organization:update")
    public ConnectionView create(@PathVariable String organizationId, @RequestBody ConnectionBody body, Caller caller, ClientInfo client) {
        return view(connections.create(caller, organizationId, body.draft(), client));
    }

    @GetMapping("/organizations/{organizationId}/sso")
    @Operation(summary = "The organization's SSO connection, with the values to enter at the IdP; organization:read")
    public ConnectionView get(@PathVariable String organizationId, Caller caller) {
        return view(connections.get(caller, organizationId));
    }

    @PutMapping("/organizations/{organizationId}/sso")
    @Operation(summary = "Change the SSO connection (fields left out keep their value); organization:update")
    public ConnectionView put(@PathVariable String organizationId, @RequestBody ConnectionBody body, Caller caller, ClientInfo client) {
        return view(connections.update(caller, organizationId, body.draft(), client));
    }

    @PatchMapping("/organizations/{organizationId}/sso")
    @Operation(summary = "Change the SSO connection (fields left out keep their value); organization:update")
    public ConnectionView patch(@PathVariable String organizationId, @RequestBody ConnectionBody body, Caller caller, ClientInfo client) {
        return put(organizationId, body, caller, client);
    }

    @DeleteMapping("/organizations/{organizationId}/sso")
    @Operation(summary = "Remove the SSO connection; members keep their accounts; organization:update")
    public Map<String, Object> delete(@PathVariable String organizationId, Caller caller, ClientInfo client) {
        connections.delete(caller, organizationId, client);
        return Map.of("deleted", true, "organizationId", organizationId);
    }

    @PostMapping("/organizations/{organizationId}/sso/metadata/refresh")
    @Operation(summary = "Fetch the IdP metadata URL again now (certificate rollover); organization:update")
    public ConnectionView refresh(@PathVariable String organizationId, Caller caller) {
        connections.get(caller, organizationId);
        connections.refreshMetadata(organizationId);
        return view(connections.get(caller, organizationId));
    }

    @GetMapping("/organizations/{organizationId}/sso/domains")
    @Operation(summary = "The organization's SSO domains with their DNS TXT proof; organization:read")
    public Map<String, List<DomainView>> listDomains(@PathVariable String organizationId, Caller caller) {
        return Map.of("data", domains.list(caller, organizationId).stream().map(DomainView::of).toList());
    }

    @PostMapping("/organizations/{organizationId}/sso/domains")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Claim an email domain; publish the TXT record shown, then verify; organization:update")
    public DomainView addDomain(@PathVariable String organizationId, @RequestBody DomainBody body, Caller caller, ClientInfo client) {
        return DomainView.of(domains.add(caller, organizationId, body.domain(), client));
    }

    @PostMapping("/organizations/{organizationId}/sso/domains/{domain}/verify")
    @Operation(summary = "Check the domain's DNS TXT record; 422 DOMAIN_VERIFICATION_FAILED names the record expected")
    public DomainView verifyDomain(@PathVariable String organizationId, @PathVariable String domain, Caller caller, ClientInfo client) {
        return DomainView.of(domains.verify(caller, organizationId, domain, client));
    }

    @DeleteMapping("/organizations/{organizationId}/sso/domains/{domain}")
    @Operation(summary = "Give up a domain claim; organization:update")
    public Map<String, Object> removeDomain(@PathVariable String organizationId, @PathVariable String domain, Caller caller,
                                            ClientInfo client) {
        domains.remove(caller, organizationId, domain, client);
        return Map.of("deleted", true, "domain", domain);
    }

    @GetMapping("/sso/config")
    @Operation(summary = "The SSO connection of the active organization (organizationId, X-Organization-ID or the API key's)")
    public ConnectionView config(@RequestParam(required = false) String organizationId,
                                 @RequestHeader(name = ActiveOrganization.HEADER, required = false) String header, Caller caller) {
        String org = ActiveOrganization.of(caller, organizationId, header);
        if (org == null) throw JanuaException.of(ErrorCode.VALIDATION_ERROR, "field", "organizationId");
        return get(org, caller);
    }

    public record ProviderView(String id, String name, List<String> protocols) {}

    @GetMapping("/sso/providers")
    @Operation(summary = "The identity providers with a documented setup, and the protocols each offers (any SAML 2.0 / OIDC IdP works)")
    public Map<String, List<ProviderView>> providers() {
        return Map.of("data", ProviderCatalogue.all().stream()
                .map(p -> new ProviderView(p.id(), p.name(), p.protocols().stream().map(SsoProtocol::wire).toList())).toList());
    }

    private ConnectionView view(SsoConnection c) {
        return SsoViews.of(c, domains.listUnchecked(c.organizationId()), sp, publicUrl.base());
    }
}
