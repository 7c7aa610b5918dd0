package dev.janua.server.themes.domain;

import dev.janua.server.themes.Theme;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The only way into a stored theme. Every value ends up inside a stylesheet or an {@code <img src>},
 * so each is held to a grammar that cannot leave its place: colours are exactly {@code #rrggbb},
 * the radius a small integer, the logo an https URL without quotes, parentheses, backslashes or
 * whitespace, and each font family letters, digits, spaces and hyphens (rendered quoted). Anything
 * else is refused, never cleaned up — a cleaned-up injection attempt is still an attempt.
 */
public final class ThemeRules {
    public static final int MAX_RADIUS = 32;
    public static final int MAX_LOGO_URL = 2048;
    public static final int MAX_FONTS = 8;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 \\-]{0,62}");
    /** RFC 3986 characters minus the ones that could end a CSS string, a url() or an attribute: ' " ( ) \ and spaces. */
    private static final Pattern URL_CHARS = Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&*+,;=%]+");
    public static final Set<String> GENERIC_FAMILIES = Set.of("serif", "sans-serif", "monospace", "cursive", "fantasy",
            "system-ui", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded");

    private ThemeRules() {}

    /** A refused value: {@code field} and a stable {@code reason}. */
    public static final class Violation extends RuntimeException {
        private final String field;
        private final String reason;

        public Violation(String field, String reason) {
            super(field + ": " + reason, null, false, false);
            this.field = field;
            this.reason = reason;
        }

        public String field() {
            return field;
        }

        public String reason() {
            return reason;
        }
    }

    /** A theme from what a caller sent (nulls and blanks inherit); throws {@link Violation} on the first bad value. */
    public static Theme of(String brandColor, String backgroundColor, String textColor, Integer radius, String logoUrl,
                           String fontStack) {
        return new Theme(color("brandColor", brandColor), color("backgroundColor", backgroundColor),
                color("textColor", textColor), radius(radius), logoUrl(logoUrl), fontStack(fontStack));
    }

    static String color(String field, String value) {
        if (value == null || value.isBlank()) return null;
        if (!COLOR.matcher(value).matches()) throw new Violation(field, "must_be_hex_rrggbb");
        return value.toLowerCase(Locale.ROOT);
    }

    static Integer radius(Integer value) {
        if (value == null) return null;
        if (value < 0 || value > MAX_RADIUS) throw new Violation("radius", "out_of_range_0_" + MAX_RADIUS);
        return value;
    }

    /** An absolute https URL with a host, no userinfo; {@code none} or blank: no logo. */
    static String logoUrl(String value) {
        if (value == null || value.isBlank() || "none".equals(value)) return null;
        if (value.length() > MAX_LOGO_URL) throw new Violation("logoUrl", "too_long");
        if (!URL_CHARS.matcher(value).matches()) throw new Violation("logoUrl", "forbidden_character");
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new Violation("logoUrl", "not_a_url");
        }
        if (!"https".equals(uri.getScheme())) throw new Violation("logoUrl", "must_be_https");
        if (uri.getHost() == null || uri.getRawUserInfo() != null) throw new Violation("logoUrl", "must_have_a_host_and_no_userinfo");
        return value;
    }

    /** A comma-separated list of families; each may come quoted ("Segoe UI"), is stored unquoted. */
    static final int MAX_FONT_STACK = 300;

    static String fontStack(String value) {
        if (value == null || value.isBlank()) return null;
        List<String> families = new ArrayList<>();
        for (String raw : value.split(",", -1)) {
            String f = raw.strip();
            if (f.length() >= 2 && (f.startsWith("\"") && f.endsWith("\"") || f.startsWith("'") && f.endsWith("'"))) {
                f = f.substring(1, f.length() - 1).strip();
            }
            if (!FAMILY.matcher(f).matches()) throw new Violation("fontStack", "forbidden_character");
            families.add(f);
        }
        if (families.size() > MAX_FONTS) throw new Violation("fontStack", "too_many_families");
        String stack = String.join(", ", families);
        if (stack.length() > MAX_FONT_STACK) throw new Violation("fontStack", "too_long"); // hosted_themes.font_stack VARCHAR(300)
        return stack;
    }

    /** True when a stored value still passes its rule (the renderer checks again: defence in depth). */
    public static boolean valid(String field, Object value) {
        try {
            switch (field) {
                case "radius" -> radius((Integer) value);
                case "logoUrl" -> logoUrl((String) value);
                case "fontStack" -> fontStack((String) value);
                default -> color(field, (String) value);
            }
            return true;
        } catch (Violation | ClassCastException e) {
            return false;
        }
    }
}
