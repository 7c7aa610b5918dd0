package dev.janua.server.themes.web;

import dev.janua.server.themes.app.ThemeService;
import java.util.Optional;

/**
 * What a page needs to show a sign-in's theme: the client (for the stylesheet URL), the
 * application's name and the logo. The hosted pages' {@code brand} fragment reads it as
 * {@code hostedTheme}; the console's branding preview renders the same fragment with it. {@code version}
 * changes with the stylesheet, so the page links a URL of its own for each theme and a browser's cached
 * copy of the old one is never used after a change.
 */
public record HostedTheme(String clientId, String applicationName, String logoUrl, String version) {
    public static final String MODEL = "hostedTheme";
    /** Model attribute: the client id of a registered application a hosted page is about (the consent page), to theme it. */
    public static final String CLIENT = "themeClientId";

    /** The theme of {@code clientId}'s sign-ins; empty when the application has none (the default look, Janua's name included). */
    public static Optional<HostedTheme> of(ThemeService themes, String clientId) {
        return themes.forClient(clientId).filter(r -> !r.theme().isEmpty())
                .map(r -> new HostedTheme(clientId, r.applicationName(), r.theme().logoUrl(),
                        themes.stylesheet(r.theme(), ThemeStylesheetController.PAGE_SELECTOR).version()));
    }
}
