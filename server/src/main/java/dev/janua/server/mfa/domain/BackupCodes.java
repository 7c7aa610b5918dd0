package dev.janua.server.mfa.domain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Backup codes: 10 codes of 10 characters (SECURITY.md) from an alphabet without look-alikes
 * (no 0/O, 1/I/L), about 49 bits each. Shown once as {@code XXXXX-XXXXX}; typed any case, with or
 * without the dash.
 */
public final class BackupCodes {
    public static final int COUNT = 10;
    public static final int LENGTH = 10;
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private BackupCodes() {}

    public static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder s = new StringBuilder(LENGTH + 1);
            for (int j = 0; j < LENGTH; j++) {
                if (j == LENGTH / 2) s.append('-');
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(s.toString());
        }
        return codes;
    }

    /** The canonical form that is hashed: upper case, separators removed; null when it cannot be a code. */
    public static String normalize(String typed) {
        if (typed == null) return null;
        String s = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH) return null;
        for (char c : s.toCharArray()) if (ALPHABET.indexOf(c) < 0) return null;
        return s;
    }
}
