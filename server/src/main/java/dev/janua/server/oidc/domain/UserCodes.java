package dev.janua.server.oidc.domain;

import java.util.Locale;

/**
 * User codes of the device authorization grant (RFC 8628 §6.1) as people type them: the server issues
 * eight consonants as {@code WDJB-MJHT}; a person may type {@code wdjbmjht} or {@code wdjb mjht}. Both
 * are the same code, so lookups go through {@link #normalise}. (Anything else is left as typed and
 * simply matches nothing.)
 */
public final class UserCodes {
    private UserCodes() {}

    public static String normalise(String typed) {
        if (typed == null) return "";
        String letters = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (letters.length() == 8 && letters.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return letters.substring(0, 4) + "-" + letters.substring(4);
        }
        return typed;
    }
}
