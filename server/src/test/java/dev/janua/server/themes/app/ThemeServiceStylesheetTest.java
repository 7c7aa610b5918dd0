package dev.janua.server.themes.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.themes.Theme;
import dev.janua.server.themes.domain.ThemeCss;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ThemeServiceStylesheetTest {
    final ThemeService themes = new ThemeService(null, null, null, null, Clock.systemUTC());

    @Test
    void aThemesStylesheetIsRenderedOnceForThePagesLinkAndTheStylesheetRequest() {
        Theme green = new Theme("#0a7d5a", "#f5f1e8", null, 2, null, "Georgia, serif");
        ThemeService.Stylesheet forTheLink = themes.stylesheet(green, ":root");
        ThemeService.Stylesheet forTheRequest = themes.stylesheet(new Theme("#0a7d5a", "#f5f1e8", null, 2, null, "Georgia, serif"), ":root");
        assertThat(forTheRequest).isSameAs(forTheLink);
        assertThat(forTheLink.css()).isEqualTo(ThemeCss.render(green, ":root"));
        assertThat(forTheLink.version()).matches("[0-9a-f]{32}");

        // another theme or another selector: its own stylesheet and version
        ThemeService.Stylesheet red = themes.stylesheet(new Theme("#b3261e", null, null, null, null, null), ":root");
        ThemeService.Stylesheet preview = themes.stylesheet(green, ".preview-row");
        assertThat(red.version()).isNotEqualTo(forTheLink.version());
        assertThat(preview.css()).startsWith("/* Janua hosted pages: theme */\n.preview-row {");
        assertThat(preview.version()).isNotEqualTo(forTheLink.version());
    }
}
