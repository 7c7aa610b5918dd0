package dev.janua.server.users.domain;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Email syntax check and the normalised form used for uniqueness and look-up. */
public final class EmailAddress {
    private static final Pattern SHAPE = Pattern.compile("^[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@]{2,}$");

    private EmailAddress() {}

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static String requireValid(String email) {
        if (email == null || email.isBlank()) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "email", "reason", "required"));
        }
        String trimmed = email.trim();
        if (trimmed.length() > 320 || !SHAPE.matcher(trimmed).matches()) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "email", "reason", "invalid_format"));
        }
        return trimmed;
    }
}
