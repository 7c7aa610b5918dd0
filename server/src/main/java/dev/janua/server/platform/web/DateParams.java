package dev.janua.server.platform.web;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Date query parameters as the seeds write them: {@code 2024-01-31} (a whole UTC day) or an
 * ISO-8601 timestamp. Ranges are half-open: a bare end date includes that whole day.
 */
public final class DateParams {
    private DateParams() {}

    public static Instant start(String value, String field) {
        return parse(value, field, false);
    }

    /** The exclusive end of a range whose last included moment {@code value} names. */
    public static Instant endExclusive(String value, String field) {
        return parse(value, field, true);
    }

    private static Instant parse(String value, String field, boolean end) {
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant t = v.endsWith("Z") || v.endsWith("z") ? Instant.parse(v) : OffsetDateTime.parse(v).toInstant();
            return end ? t.plusMillis(1) : t;
        } catch (DateTimeParseException e) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", "expected YYYY-MM-DD or an ISO-8601 timestamp"));
        }
    }
}
