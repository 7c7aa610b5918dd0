package dev.janua.server.audit.web;

import dev.janua.server.audit.persistence.JdbcAuditRepository.Filter;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.EventCatalogue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Parses the audit query parameters: dates as {@code 2024-01-31} (whole day) or ISO-8601 instants. */
final class AuditFilters {
    private AuditFilters() {}

    static Filter of(String eventType, String userId, String organizationId, String startDate, String endDate) {
        String type = eventType == null || eventType.isBlank() ? null : EventCatalogue.canonical(eventType.trim()).orElse(eventType.trim());
        Long from = startDate == null || startDate.isBlank() ? null : parse(startDate.trim(), "startDate", false);
        Long to = endDate == null || endDate.isBlank() ? null : parse(endDate.trim(), "endDate", true);
        if (from != null && to != null && to <= from) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "endDate", "reason", "must be after startDate"));
        }
        return new Filter(type, blankToNull(userId), blankToNull(organizationId), from, to);
    }

    /** Epoch ms; a bare end date includes that whole day (the bound is exclusive). */
    static long parse(String value, String field, boolean end) {
        try {
            if (value.length() == 10) {
                LocalDate d = LocalDate.parse(value);
                return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            long ms = value.endsWith("Z") ? Instant.parse(value).toEpochMilli() : OffsetDateTime.parse(value).toInstant().toEpochMilli();
            return end ? ms + 1 : ms;
        } catch (DateTimeParseException e) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", "expected YYYY-MM-DD or an ISO-8601 timestamp"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
