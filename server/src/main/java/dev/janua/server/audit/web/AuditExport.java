package dev.janua.server.audit.web;

import dev.janua.server.audit.app.AuditService;
import dev.janua.server.audit.persistence.JdbcAuditRepository.Filter;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an audit export (JSON lines or CSV, oldest first) to a response: the API's export and
 * the console's export buttons both stream through here, so the two files are the same.
 */
@Component
public class AuditExport {
    private final AuditService audit;
    private final JsonMapper json;

    public AuditExport(AuditService audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    /** The filter from the query parameters (dates as {@code 2024-01-31} or ISO-8601 instants). */
    public static Filter filter(String eventType, String userId, String organizationId, String startDate, String endDate) {
        return AuditFilters.of(eventType, userId, organizationId, startDate, endDate);
    }

    /** As above, with who acted ({@code actorId}) and what was acted on ({@code subjectId}). */
    public static Filter filter(String eventType, String userId, String organizationId, String startDate, String endDate, String actorId,
                                String subjectId) {
        return AuditFilters.of(eventType, userId, organizationId, startDate, endDate, actorId, subjectId);
    }

    /** {@code format}: jsonl (also ndjson, json) or csv; anything else is a 400 before a byte is written. */
    public void write(String format, Filter filter, HttpServletResponse response) throws IOException {
        boolean csv = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "jsonl", "ndjson", "json" -> false;
            default -> throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "format", "reason", "jsonl or csv"));
        };
        response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/x-ndjson;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log." + (csv ? "csv" : "jsonl") + "\"");
        OutputStream out = response.getOutputStream();
        if (csv) out.write(AuditCsv.HEADER.getBytes(StandardCharsets.UTF_8));
        audit.export(filter, e -> {
            try {
                out.write((csv ? AuditCsv.line(e, json) : json.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        out.flush();
    }
}
