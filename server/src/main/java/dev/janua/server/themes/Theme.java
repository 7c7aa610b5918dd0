package dev.janua.server.themes;

/**
 * What an organization or an application sets for the hosted pages: the brand colour (buttons,
 * links, focus rings), the page background, the text colour, the corner radius in pixels, a logo
 * (an https URL) and a font stack. Any value may be null: it is then inherited (application →
 * organization → default). Only {@link dev.janua.server.themes.domain.ThemeRules} creates stored
 * values, so every non-null value here is valid.
 */
public record Theme(String brandColor, String backgroundColor, String textColor, Integer radius, String logoUrl,
                    String fontStack) {
    public static final Theme EMPTY = new Theme(null, null, null, null, null, null);

    /** This theme's values, each falling back to {@code parent}'s where this one has none. */
    public Theme over(Theme parent) {
        if (parent == null) return this;
        return new Theme(or(brandColor, parent.brandColor), or(backgroundColor, parent.backgroundColor),
                or(textColor, parent.textColor), radius != null ? radius : parent.radius, or(logoUrl, parent.logoUrl),
                or(fontStack, parent.fontStack));
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
