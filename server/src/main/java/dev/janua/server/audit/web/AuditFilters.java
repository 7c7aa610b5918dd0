package dev.janua.server.audit.web;

import dev.janua.server.audit.persistence.JdbcAuditRepository.Filter;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.EventCatalogue;
import dev.janua.server.platform.web.DateParams;
import java.util.Map;

/** Parses the audit query parameters: dates as {@code 2024-01-31} (whole day) or ISO-8601 instants. */
final class AuditFilters {
    private AuditFilters() {}

    static Filter of(String eventType, String userId, String organizationId, String startDate, String endDate) {
        return of(eventType, userId, organizationId, startDate, endDate, null, null);
    }

    static Filter of(String eventType, String userId, String organizationId, String startDate, String endDate, String actorId,
                     String subjectId) {
        String type = eventType == null || eventType.isBlank() ? null : EventCatalogue.canonical(eventType.trim()).orElse(eventType.trim());
        Long from = startDate == null || startDate.isBlank() ? null : DateParams.start(startDate, "startDate").toEpochMilli();
        Long to = endDate == null || endDate.isBlank() ? null : DateParams.endExclusive(endDate, "endDate").toEpochMilli();
        if (from != null && to != null && to <= from) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "endDate", "reason", "must be after startDate"));
        }
        return new Filter(type, blankToNull(userId), blankToNull(organizationId), from, to, blankToNull(actorId), blankToNull(subjectId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
