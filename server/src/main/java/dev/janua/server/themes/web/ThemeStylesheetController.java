package dev.janua.server.themes.web;

import dev.janua.server.themes.Theme;
import dev.janua.server.themes.app.ThemeService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /hosted/theme.css?client_id=…}: the stylesheet a sign-in's pages load after the default
 * one. It only redefines CSS variables, from validated values; the Content-Security-Policy
 * ({@code style-src 'self'}) allows it because it is served from here, not inlined. An unknown
 * client gets an empty override (the default theme), the same answer as a client without a theme.
 * Browsers keep it for {@link #MAX_AGE} and then revalidate with its strong ETag (a hash of the
 * stylesheet, so it changes with the theme): a hosted page view costs no stylesheet query while the
 * copy is fresh, and the pages link it with {@code v=} the same hash, so a changed theme shows at once.
 * {@code scope=preview} sets the variables on the console's branding preview only, so the console
 * around it keeps its own look.
 */
@Controller
public class ThemeStylesheetController {
    public static final String PATH = "/hosted/theme.css";
    /** The console's branding preview ({@code console/application.html}). */
    static final String PREVIEW_SELECTOR = ".preview-row";
    /** The hosted pages: the variables on the whole page. */
    static final String PAGE_SELECTOR = ":root";
    private static final MediaType CSS = MediaType.parseMediaType("text/css;charset=UTF-8");
    static final java.time.Duration MAX_AGE = java.time.Duration.ofMinutes(5);
    private final ThemeService themes;

    public ThemeStylesheetController(ThemeService themes) {
        this.themes = themes;
    }

    @GetMapping(PATH)
    ResponseEntity<String> stylesheet(@RequestParam(name = "client_id", required = false) String clientId,
                                      @RequestParam(name = "scope", required = false) String scope) {
        Theme theme = themes.forClient(clientId).map(ThemeService.Resolved::theme).orElse(Theme.EMPTY);
        ThemeService.Stylesheet css = themes.stylesheet(theme, "preview".equals(scope) ? PREVIEW_SELECTOR : PAGE_SELECTOR);
        // a matching If-None-Match is answered 304 by Spring's HttpEntityMethodProcessor
        return ResponseEntity.ok().contentType(CSS).eTag("\"" + css.version() + "\"")
                .cacheControl(CacheControl.maxAge(MAX_AGE)).body(css.css());
    }
}
