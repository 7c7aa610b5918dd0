package dev.janua.server.users.domain;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.users.ProfileChange;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * Checks of profile fields, each failing with a field-named {@code VALIDATION_ERROR}; shared by
 * the user's own profile and the admin user API.
 */
public final class ProfileRules {
    private ProfileRules() {}

    public static void check(ProfileChange b) {
        max("firstName", b.firstName(), 100);
        max("lastName", b.lastName(), 100);
        max("bio", b.bio(), 1000);
        max("profileImageUrl", b.profileImageUrl(), 2048);
        if (b.username() != null && !b.username().matches("[A-Za-z0-9_.\\-]{3,64}")) fail("username", "invalid_format");
        if (b.phoneNumber() != null && !b.phoneNumber().matches("\\+?[0-9 ()\\-]{4,31}")) fail("phoneNumber", "invalid_format");
        if (b.profileImageUrl() != null && !b.profileImageUrl().matches("https?://.+")) fail("profileImageUrl", "invalid_url");
        if (b.locale() != null && !b.locale().matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) fail("locale", "invalid_format");
        if (b.timezone() != null) {
            try {
                ZoneId.of(b.timezone());
            } catch (DateTimeException e) {
                fail("timezone", "unknown_timezone");
            }
        }
    }

    private static void max(String field, String value, int max) {
        if (value != null && value.length() > max) fail(field, "too_long");
    }

    private static void fail(String field, String reason) {
        throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", reason));
    }
}
