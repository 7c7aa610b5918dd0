package dev.janua.server.users.domain;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.crypto.PasswordHasher;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B password rules: length in code points (8–128 by default), no composition rules,
 * and screening against common passwords (zxcvbn's dictionaries) and the user's own email/name.
 * A password zxcvbn scores 0 or 1 (under ~10^6 guesses) is refused as common.
 */
@Component
public final class PasswordPolicy {
    private final int minLength;
    private final int maxLength;

    public PasswordPolicy(JanuaProperties properties) {
        this.minLength = properties.passwords().minLength();
        this.maxLength = properties.passwords().maxLength();
    }

    /** Throws 422 {@code WEAK_PASSWORD} (or {@code VALIDATION_ERROR} when missing) with the reason in details. */
    public void check(String password, String email, String... names) {
        if (password == null || password.isEmpty()) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "password", "reason", "required"));
        }
        // a lone UTF-16 surrogate cannot be hashed: refuse it here, with the field, before any other rule
        PasswordHasher.requireEncodable(password, "password");
        int length = password.codePointCount(0, password.length());
        if (length < minLength) weak("too_short", Map.of("minLength", minLength));
        if (length > maxLength) weak("too_long", Map.of("maxLength", maxLength));
        List<String> personal = new ArrayList<>();
        if (email != null) {
            String e = email.toLowerCase(Locale.ROOT);
            personal.add(e);
            personal.add(e.split("@")[0]);
            if (password.equalsIgnoreCase(e) || password.equalsIgnoreCase(e.split("@")[0])) weak("matches_email", Map.of());
        }
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                personal.add(n.toLowerCase(Locale.ROOT));
                if (password.equalsIgnoreCase(n)) weak("matches_name", Map.of());
            }
        }
        // zxcvbn is quadratic in length; beyond 64 code points a password is not "common".
        if (length <= 64) {
            Strength strength = Dictionaries.ZXCVBN.measure(password, personal);
            if (strength.getScore() <= 1) weak("too_common", Map.of("score", strength.getScore()));
        }
    }

    private static void weak(String reason, Map<String, Object> extra) {
        Map<String, Object> details = new java.util.LinkedHashMap<>(extra);
        details.put("field", "password");
        details.put("reason", reason);
        throw new JanuaException(ErrorCode.WEAK_PASSWORD, details);
    }

    /** zxcvbn's dictionaries load on the first password checked, not during start-up (issue 16). */
    private static final class Dictionaries {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }
}
