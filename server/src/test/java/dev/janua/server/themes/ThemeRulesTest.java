package dev.janua.server.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.themes.domain.ThemeCss;
import dev.janua.server.themes.domain.ThemeRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grammar of theme values: what passes, what is refused (injection attempts counted), what the CSS looks like. */
class ThemeRulesTest {
    /** Attempts to leave a CSS value or an attribute, one per line: field, value. */
    static final List<String[]> INJECTIONS = List.of(
            new String[] {"brandColor", "red"},
            new String[] {"brandColor", "#fff"},
            new String[] {"brandColor", "#12345g"},
            new String[] {"brandColor", "#123456;}body{display:none"},
            new String[] {"brandColor", "#123456 !important"},
            new String[] {"brandColor", "rgb(1,2,3)"},
            new String[] {"brandColor", "var(--x)"},
            new String[] {"brandColor", "#1234567"},
            new String[] {"brandColor", "#123456\n"},
            new String[] {"backgroundColor", "url(https://evil.example/x)"},
            new String[] {"backgroundColor", "#000000}</style><script>alert(1)</script>"},
            new String[] {"backgroundColor", "expression(alert(1))"},
            new String[] {"textColor", "#ffffff; --janua-primary: red"},
            new String[] {"textColor", "\\23 000000"},
            new String[] {"logoUrl", "http://cdn.example.com/logo.png"},
            new String[] {"logoUrl", "javascript:alert(1)"},
            new String[] {"logoUrl", "data:image/svg+xml;base64,PHN2Zz4="},
            new String[] {"logoUrl", "//cdn.example.com/logo.png"},
            new String[] {"logoUrl", "/hosted/assets/logo.png"},
            new String[] {"logoUrl", "https://cdn.example.com/logo.png\" onerror=\"alert(1)"},
            new String[] {"logoUrl", "https://cdn.example.com/logo.png'><script>"},
            new String[] {"logoUrl", "https://cdn.example.com/a b.png"},
            new String[] {"logoUrl", "https://cdn.example.com/logo.png)"},
            new String[] {"logoUrl", "https://user:pass@cdn.example.com/logo.png"},
            new String[] {"logoUrl", "https://cdn.example.com/\\logo.png"},
            new String[] {"logoUrl", "HTTPS:/logo.png"},
            new String[] {"logoUrl", "https:///logo.png"},
            new String[] {"logoUrl", "https://cdn.example.com/" + "a".repeat(2100)},
            new String[] {"logoUrl", "https://cdn.example.com/logo.png\n"},
            new String[] {"logoUrl", "https://cdn.exаmple.com/logo.png"}, // Cyrillic а
            new String[] {"fontStack", "Arial; } body { display: none"},
            new String[] {"fontStack", "Arial\", evil"},
            new String[] {"fontStack", "Arial, url(https://evil.example/f.woff)"},
            new String[] {"fontStack", "Arial</style>"},
            new String[] {"fontStack", "Arial\\"},
            new String[] {"fontStack", "Arial,,serif"},
            new String[] {"fontStack", "Arial, "},
            new String[] {"fontStack", "@import 'x'"},
            new String[] {"fontStack", "/* comment */ Arial"},
            new String[] {"fontStack", "a,b,c,d,e,f,g,h,i"},
            new String[] {"fontStack", "Arial{}"},
            new String[] {"fontStack", "Ünïcode Sans"});

    @Test
    void everyInjectionAttemptIsRefusedWithItsField() {
        int refused = 0;
        for (String[] attempt : INJECTIONS) {
            String field = attempt[0];
            String value = attempt[1];
            assertThatThrownBy(() -> attempt(field, value)).as(field + " = " + value)
                    .isInstanceOfSatisfying(ThemeRules.Violation.class, v -> assertThat(v.field()).isEqualTo(field));
            refused++;
        }
        assertThat(refused).isEqualTo(INJECTIONS.size()).isEqualTo(42);
    }

    @Test
    void aRadiusOutsideZeroToThirtyTwoIsRefused() {
        assertThatThrownBy(() -> ThemeRules.of(null, null, null, -1, null, null)).isInstanceOf(ThemeRules.Violation.class);
        assertThatThrownBy(() -> ThemeRules.of(null, null, null, 33, null, null)).isInstanceOf(ThemeRules.Violation.class);
        assertThat(ThemeRules.of(null, null, null, 0, null, null).radius()).isZero();
        assertThat(ThemeRules.of(null, null, null, 32, null, null).radius()).isEqualTo(32);
    }

    @Test
    void validValuesAreNormalisedAndBlanksInherit() {
        Theme t = ThemeRules.of("#0A7D5A", "", null, 4, "none", "'Segoe UI', \"Helvetica Neue\", sans-serif");
        assertThat(t.brandColor()).isEqualTo("#0a7d5a");
        assertThat(t.backgroundColor()).isNull();
        assertThat(t.logoUrl()).isNull();
        assertThat(t.fontStack()).isEqualTo("Segoe UI, Helvetica Neue, sans-serif");
        assertThat(ThemeRules.of(null, null, null, null, "https://cdn.example.com/brand/logo.svg?v=2", null).logoUrl())
                .isEqualTo("https://cdn.example.com/brand/logo.svg?v=2");
    }

    @Test
    void theStylesheetOnlyRedefinesVariablesAndQuotesEveryNamedFamily() {
        String css = ThemeCss.render(ThemeRules.of("#0a7d5a", "#10141c", null, 2, null, "Segoe UI, sans-serif"));
        assertThat(css).contains("--janua-primary: #0a7d5a;", "--janua-primary-text: #ffffff;", "--janua-background: #10141c;",
                "--janua-radius: 2px;", "--janua-font: \"Segoe UI\", sans-serif;");
        // a dark background gets light text and a slightly lighter card
        assertThat(css).contains("--janua-text: #e8ebf2;").doesNotContain("--janua-surface: #ffffff");
        List<String> lines = css.lines().toList();
        assertThat(lines.subList(0, 2)).containsExactly("/* Janua hosted pages: theme */", ":root {");
        assertThat(lines.getLast()).isEqualTo("}");
        assertThat(lines.subList(2, lines.size() - 1)).hasSize(9).allMatch(l -> l.matches("  --janua-[a-z-]+: [^;{}<>]+;"));
        // a light brand colour gets black button text
        assertThat(ThemeCss.render(ThemeRules.of("#ffd84a", null, null, null, null, null))).contains("--janua-primary-text: #000000;");
        // a value that bypassed the rules (written to the database by hand) is dropped, not rendered
        assertThat(ThemeCss.render(new Theme("#000000;}body{x:y", null, null, null, null, "Arial;}"))).doesNotContain("}body").doesNotContain(";}");
    }

    private static void attempt(String field, String value) {
        switch (field) {
            case "brandColor" -> ThemeRules.of(value, null, null, null, null, null);
            case "backgroundColor" -> ThemeRules.of(null, value, null, null, null, null);
            case "textColor" -> ThemeRules.of(null, null, value, null, null, null);
            case "logoUrl" -> ThemeRules.of(null, null, null, null, value, null);
            default -> ThemeRules.of(null, null, null, null, null, value);
        }
    }
}
