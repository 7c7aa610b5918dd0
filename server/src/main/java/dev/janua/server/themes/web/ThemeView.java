package dev.janua.server.themes.web;

import dev.janua.server.themes.Theme;
import dev.janua.server.themes.app.ThemeService;

/** A theme on the wire: null values are inherited (application → organization → default). */
public record ThemeView(String ownerId, String brandColor, String backgroundColor, String textColor, Integer radius,
                        String logoUrl, String fontStack) {
    public static ThemeView of(String ownerId, Theme t) {
        return new ThemeView(ownerId, t.brandColor(), t.backgroundColor(), t.textColor(), t.radius(), t.logoUrl(), t.fontStack());
    }

    /** The request body of {@code PUT …/theme} (its ownerId, if sent, is ignored: the path names the owner). */
    public ThemeService.Fields fields() {
        return new ThemeService.Fields(brandColor, backgroundColor, textColor, radius, logoUrl, fontStack);
    }
}
