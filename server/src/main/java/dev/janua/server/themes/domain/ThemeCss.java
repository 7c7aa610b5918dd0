package dev.janua.server.themes.domain;

import dev.janua.server.themes.Theme;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A theme as the stylesheet that overrides the default theme's CSS variables ({@code janua.css}).
 * Values are re-checked against {@link ThemeRules} here, so a value that reached the database some
 * other way is dropped rather than written into CSS. Surface, muted and border colours are derived
 * from the background and text so a dark theme stays readable, and the text on buttons is black or
 * white, whichever contrasts more with the brand colour.
 */
public final class ThemeCss {
    private ThemeCss() {}

    public static String render(Theme t) {
        return render(t, ":root");
    }

    /** The same variables set on {@code selector} (a fixed selector of ours, never caller input) instead of the whole page. */
    public static String render(Theme t, String selector) {
        StringBuilder css = new StringBuilder("/* Janua hosted pages: theme */\n" + selector + " {\n");
        String brand = checked("brandColor", t.brandColor());
        String background = checked("backgroundColor", t.backgroundColor());
        String text = checked("textColor", t.textColor());
        if (brand != null) {
            line(css, "--janua-primary", brand);
            line(css, "--janua-primary-text", luminance(brand) > 0.45 ? "#000000" : "#ffffff");
        }
        if (background != null) {
            line(css, "--janua-background", background);
            line(css, "--janua-surface", luminance(background) < 0.3 ? mix(background, "#ffffff", 0.08) : "#ffffff");
        }
        if (text != null) line(css, "--janua-text", text);
        if (text != null || background != null) {
            String tx = text != null ? text : luminance(background) < 0.3 ? "#e8ebf2" : "#1d2330";
            String bg = background != null ? background : luminance(text) > 0.5 ? "#11141b" : "#ffffff";
            if (text == null) line(css, "--janua-text", tx);
            line(css, "--janua-muted", mix(tx, bg, 0.35));
            line(css, "--janua-border", mix(tx, bg, 0.8));
        }
        if (t.radius() != null && ThemeRules.valid("radius", t.radius())) line(css, "--janua-radius", t.radius() + "px");
        if (t.fontStack() != null && ThemeRules.valid("fontStack", t.fontStack())) line(css, "--janua-font", font(t.fontStack()));
        return css.append("}\n").toString();
    }

    private static String checked(String field, String value) {
        return value != null && ThemeRules.valid(field, value) ? value : null;
    }

    private static void line(StringBuilder css, String name, String value) {
        css.append("  ").append(name).append(": ").append(value).append(";\n");
    }

    /** Generic families unquoted (quoting them would name a font called "serif"), every other family quoted. */
    static String font(String stack) {
        return Arrays.stream(stack.split(","))
                .map(String::strip)
                .map(f -> ThemeRules.GENERIC_FAMILIES.contains(f.toLowerCase(Locale.ROOT)) ? f.toLowerCase(Locale.ROOT) : "\"" + f + "\"")
                .collect(Collectors.joining(", "));
    }

    /** WCAG relative luminance of {@code #rrggbb}. */
    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    /** {@code a} moved {@code share} of the way towards {@code b}. */
    static String mix(String a, String b, double share) {
        StringBuilder out = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            int x = Integer.parseInt(a.substring(1 + 2 * i, 3 + 2 * i), 16);
            int y = Integer.parseInt(b.substring(1 + 2 * i, 3 + 2 * i), 16);
            out.append(String.format(Locale.ROOT, "%02x", (int) Math.round(x + (y - x) * share)));
        }
        return out.toString();
    }
}
