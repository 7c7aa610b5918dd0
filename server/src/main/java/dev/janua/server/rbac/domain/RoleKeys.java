package dev.janua.server.rbac.domain;

import java.text.Normalizer;
import java.util.Locale;

/** The key of a custom role ({@code content-manager}), derived from its name unless given. */
public final class RoleKeys {
    private RoleKeys() {}

    public static String fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String key = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return key.length() > 64 ? key.substring(0, 64).replaceAll("-+$", "") : key;
    }

    public static boolean valid(String key) {
        return key != null && key.matches("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");
    }
}
