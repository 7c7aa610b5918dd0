package dev.janua.server.oidc.web;

import dev.janua.server.oidc.domain.Application;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.themes.app.ThemeService;
import dev.janua.server.themes.web.ThemeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * An application's own hosted-page theme: its sign-ins inherit its organization's values where it
 * sets none. The same people manage it as manage the application ({@link ApplicationManagers}).
 */
@Tag(name = "Themes", description = "Colours, logo and font of the hosted pages, per organization and per application")
@JanuaApi
public class ApplicationThemeController {
    private final ApplicationManagers managers;
    private final ThemeService themes;

    public ApplicationThemeController(ApplicationManagers managers, ThemeService themes) {
        this.managers = managers;
        this.themes = themes;
    }

    @GetMapping("/applications/{id}/theme")
    @Operation(summary = "The application's own hosted-page theme (null values: inherited from its organization, then the default)")
    public ThemeView get(@PathVariable String id, Caller caller) {
        Application a = managers.manageable(id, caller);
        return ThemeView.of(a.id(), themes.get(a.id()));
    }

    @PutMapping("/applications/{id}/theme")
    @Operation(summary = "Set the application's hosted-page theme (replaces it whole); 422 THEME_INVALID names a refused value")
    public ThemeView put(@PathVariable String id, @RequestBody ThemeView body, Caller caller, ClientInfo client) {
        Application a = managers.manageable(id, caller);
        return ThemeView.of(a.id(), themes.set(a.id(), body.fields(), caller.actorId(), client));
    }

    @DeleteMapping("/applications/{id}/theme")
    @Operation(summary = "Remove the application's theme: its sign-ins use its organization's theme, or the default")
    public Ack delete(@PathVariable String id, Caller caller, ClientInfo client) {
        Application a = managers.manageable(id, caller);
        themes.delete(a.id(), caller.actorId(), client);
        return Ack.of("Theme removed");
    }
}
