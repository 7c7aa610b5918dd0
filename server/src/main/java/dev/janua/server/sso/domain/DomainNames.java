package dev.janua.server.sso.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email domains as organizations claim them: lower case, ASCII (IDNA), at least two labels, no wildcards. */
public final class DomainNames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    /** The DNS name the TXT proof is looked up at: {@code _janua-verification.<domain>}. */
    public static final String TXT_PREFIX = "_janua-verification.";
    /** The TXT record's value: {@code janua-domain-verification=<token>}. */
    public static final String TXT_VALUE_PREFIX = "janua-domain-verification=";

    private DomainNames() {}

    public static Optional<String> normalize(String raw) {
        if (raw == null) return Optional.empty();
        String d = raw.trim().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) d = d.substring(0, d.length() - 1);
        try {
            d = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (d.length() > 253) return Optional.empty();
        String[] labels = d.split("\\.", -1);
        if (labels.length < 2) return Optional.empty();
        for (String l : labels) if (!LABEL.matcher(l).matches()) return Optional.empty();
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) return Optional.empty();
        return Optional.of(d);
    }

    /** The domain part of an email address, normalised; empty for anything that is not an address. */
    public static Optional<String> ofEmail(String email) {
        if (email == null) return Optional.empty();
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) return Optional.empty();
        return normalize(email.substring(at + 1));
    }
}
