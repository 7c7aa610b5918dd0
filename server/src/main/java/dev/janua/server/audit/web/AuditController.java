package dev.janua.server.audit.web;

import dev.janua.server.audit.AuditEntry;
import dev.janua.server.audit.ChainVerification;
import dev.janua.server.audit.app.AuditService;
import dev.janua.server.audit.persistence.JdbcAuditRepository.Filter;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.users.PlatformAdmins;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log over HTTP. Platform admins see every record; other users see the records about
 * themselves. Verification and export are for admins.
 */
@JanuaApi
@Tag(name = "Audit log")
public class AuditController {
    private final AuditService audit;
    private final PlatformAdmins admins;
    private final AuditExport exports;

    public AuditController(AuditService audit, PlatformAdmins admins, AuditExport exports) {
        this.audit = audit;
        this.admins = admins;
        this.exports = exports;
    }

    public record AuditQuery(String eventType, String userId, String organizationId, String startDate, String endDate,
                             Integer limit, Integer offset, Integer page, String cursor) {}

    @GetMapping("/audit-logs")
    @Operation(summary = "Query the audit log (admins: everything; users: their own records)")
    public Page<AuditEntry> list(@RequestParam(required = false) String eventType, @RequestParam(required = false) String userId,
                                 @RequestParam(required = false) String organizationId,
                                 @RequestParam(required = false) String startDate, @RequestParam(required = false) String endDate,
                                 @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
                                 @RequestParam(required = false) Integer page, Caller caller) {
        Filter filter = scoped(AuditFilters.of(eventType, userId, organizationId, startDate, endDate), caller);
        return audit.search(filter, PageRequest.of(limit, cursor, page));
    }

    @PostMapping("/audit/events")
    @Operation(summary = "Query the audit log with a JSON body (seed 002)")
    public Page<AuditEntry> query(@RequestBody(required = false) AuditQuery body, Caller caller) {
        AuditQuery q = body == null ? new AuditQuery(null, null, null, null, null, null, null, null, null) : body;
        Integer page = q.page();
        if (page == null && q.offset() != null && q.offset() > 0) {
            int limit = PageRequest.of(q.limit(), null, null).limit(); // validated: 1..100
            if (q.offset() % limit != 0) {
                throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "offset", "reason", "must be a multiple of limit"));
            }
            page = q.offset() / limit + 1;
        }
        Filter filter = scoped(AuditFilters.of(q.eventType(), q.userId(), q.organizationId(), q.startDate(), q.endDate()), caller);
        return audit.search(filter, PageRequest.of(q.limit(), q.cursor(), page));
    }

    @GetMapping({"/admin/audit-logs", "/admin/audit"})
    @Operation(summary = "Query the whole audit log (platform admins)")
    public Page<AuditEntry> adminList(@RequestParam(required = false) String eventType, @RequestParam(required = false) String userId,
                                      @RequestParam(required = false) String organizationId,
                                      @RequestParam(required = false) String startDate, @RequestParam(required = false) String endDate,
                                      @RequestParam(required = false, name = "start_date") String startDateSnake,
                                      @RequestParam(required = false, name = "end_date") String endDateSnake,
                                      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
                                      @RequestParam(required = false) Integer page, Caller caller) {
        admins.require(caller);
        Filter filter = AuditFilters.of(eventType, userId, organizationId, startDate != null ? startDate : startDateSnake,
                endDate != null ? endDate : endDateSnake);
        return audit.search(filter, PageRequest.of(limit, cursor, page));
    }

    @GetMapping({"/admin/audit-logs/verify", "/audit-logs/verify", "/audit/verify"})
    @Operation(summary = "Verify the hash chain; names the first tampered record")
    public ChainVerification verify(Caller caller) {
        admins.require(caller);
        return audit.verify();
    }

    @PostMapping({"/admin/audit-logs/verify", "/audit/verify"})
    @Operation(summary = "Verify the hash chain (POST alias)")
    public ChainVerification verifyPost(Caller caller) {
        return verify(caller);
    }

    @GetMapping({"/admin/audit-logs/export", "/audit-logs/export"})
    @Operation(summary = "Export the audit log as JSON lines (format=jsonl) or CSV (format=csv)")
    @ApiResponse(responseCode = "200", description = "The records, oldest first", content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    public void export(@RequestParam(defaultValue = "jsonl") String format, @RequestParam(required = false) String eventType,
                       @RequestParam(required = false) String userId, @RequestParam(required = false) String organizationId,
                       @RequestParam(required = false) String startDate, @RequestParam(required = false) String endDate,
                       Caller caller, HttpServletResponse response) throws IOException {
        admins.require(caller);
        exports.write(format, AuditFilters.of(eventType, userId, organizationId, startDate, endDate), response);
    }

    /** Non-admins are limited to records about themselves. */
    private Filter scoped(Filter f, Caller caller) {
        if (admins.isAdmin(caller)) return f;
        if (f.userId() != null && !f.userId().equals(caller.userId())) {
            throw new JanuaException(ErrorCode.INSUFFICIENT_PERMISSIONS, Map.of("required", "platform_admin"));
        }
        return new Filter(f.eventType(), caller.userId(), f.organizationId(), f.fromMs(), f.toMs());
    }
}
