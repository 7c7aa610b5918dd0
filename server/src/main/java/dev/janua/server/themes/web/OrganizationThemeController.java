package dev.janua.server.themes.web;

import dev.janua.server.organizations.OrganizationAccess;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.rbac.PermissionCatalogue;
import dev.janua.server.themes.app.ThemeService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * An organization's theme of the hosted pages: what its applications' sign-ins look like unless an
 * application sets its own values. Reading and changing it takes {@code organization:update} there
 * (owners, admins, platform admins). Applications' themes are under {@code /applications/{id}/theme}.
 */
@Tag(name = "Themes", description = "Colours, logo and font of the hosted pages, per organization and per application")
@JanuaApi
public class OrganizationThemeController {
    private final ThemeService themes;
    private final OrganizationAccess access;

    public OrganizationThemeController(ThemeService themes, OrganizationAccess access) {
        this.themes = themes;
        this.access = access;
    }

    @GetMapping("/organizations/{id}/theme")
    @Operation(summary = "The organization's hosted-page theme (null values: the default theme's)")
    public ThemeView get(@PathVariable String id, Caller caller) {
        String org = access.require(caller, id, PermissionCatalogue.ORGANIZATION_UPDATE).organizationId();
        return ThemeView.of(org, themes.get(org));
    }

    @PutMapping("/organizations/{id}/theme")
    @Operation(summary = "Set the organization's hosted-page theme (replaces it whole); 422 THEME_INVALID names a refused value")
    public ThemeView put(@PathVariable String id, @RequestBody ThemeView body, Caller caller, ClientInfo client) {
        String org = access.require(caller, id, PermissionCatalogue.ORGANIZATION_UPDATE).organizationId();
        return ThemeView.of(org, themes.set(org, body.fields(), caller.actorId(), client));
    }

    @DeleteMapping("/organizations/{id}/theme")
    @Operation(summary = "Remove the organization's theme: its sign-ins use the default theme again")
    public Ack delete(@PathVariable String id, Caller caller, ClientInfo client) {
        String org = access.require(caller, id, PermissionCatalogue.ORGANIZATION_UPDATE).organizationId();
        themes.delete(org, caller.actorId(), client);
        return Ack.of("Theme removed");
    }
}
