package dev.janua.server.console.web;

import dev.janua.server.audit.AuditEntry;
import dev.janua.server.audit.ChainVerification;
import dev.janua.server.audit.app.AuditService;
import dev.janua.server.audit.web.AuditExport;
import dev.janua.server.console.ConsolePages;
import dev.janua.server.console.app.ConsoleViewer;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.EventCatalogue;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.users.PlatformAdmins;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log (platform admins, as {@code /admin/audit-logs}): filters, cursor paging, one
 * entry with its place in the hash chain, the chain verification, and the CSV / JSON-lines export.
 */
@Controller
@ConsolePages
@RequestMapping("/console/audit")
public class ConsoleAuditController {
    static final int PAGE_SIZE = 50;
    private final AuditService audit;
    private final AuditExport exports;
    private final PlatformAdmins admins;
    private final JsonMapper json;

    public ConsoleAuditController(AuditService audit, AuditExport exports, PlatformAdmins admins, JsonMapper json) {
        this.audit = audit;
        this.exports = exports;
        this.admins = admins;
        this.json = json;
    }

    public record Row(long position, String eventType, String when, String userId, String actorId, String subjectId,
                      String organizationId, String ipAddress, boolean verified) {
        static Row of(AuditEntry e) {
            return new Row(e.position(), e.eventType(), Console.when(e.timestamp()), e.userId(), e.actorId(), e.subjectId(),
                    e.organizationId(), e.ipAddress(), e.verified());
        }
    }

    @GetMapping
    ModelAndView list(ConsoleViewer viewer, ConsoleAuditQuery query, @RequestParam(required = false) String cursor) {
        return page(viewer, query, cursor, null);
    }

    /** Verifying reads the whole chain: a POST (it is work, not a link a crawler should follow), answered with the page. */
    @PostMapping("/verify")
    ModelAndView verify(ConsoleViewer viewer, ConsoleAuditQuery query) {
        admins.require(viewer.caller());
        return page(viewer, query, null, audit.verify());
    }

    @GetMapping("/{position:\\d+}")
    ModelAndView entry(ConsoleViewer viewer, @PathVariable long position) {
        admins.require(viewer.caller());
        AuditEntry e = audit.at(position).orElseThrow(() -> JanuaException.of(ErrorCode.NOT_FOUND, "position", position));
        ModelAndView mv = new ModelAndView("console/audit-entry");
        mv.addObject("e", e);
        mv.addObject("when", Console.when(e.timestamp()));
        mv.addObject("details", json.writerWithDefaultPrettyPrinter().writeValueAsString(e.details()));
        mv.addObject("next", audit.at(position + 1).isPresent() ? position + 1 : null);
        return mv;
    }

    @GetMapping("/export")
    void export(ConsoleViewer viewer, @RequestParam(defaultValue = "csv") String format, ConsoleAuditQuery query,
                HttpServletResponse response) throws IOException {
        admins.require(viewer.caller());
        exports.write(format, query.filter(), response);
    }

    private ModelAndView page(ConsoleViewer viewer, ConsoleAuditQuery query, String cursor, ChainVerification verification) {
        admins.require(viewer.caller());
        Page<AuditEntry> page = audit.search(query.filter(), PageRequest.of(PAGE_SIZE, Console.blankToNull(cursor), null));
        ModelAndView mv = new ModelAndView("console/audit");
        rows(mv, page, query, cursor);
        mv.addObject("verification", verification);
        return mv;
    }

    /** What both audit pages (the platform's and an organization's) show: a page of rows, the filters, the paging. */
    static void rows(ModelAndView mv, Page<AuditEntry> page, ConsoleAuditQuery query, String cursor) {
        mv.addObject("rows", page.data().stream().map(Row::of).toList());
        mv.addObject("total", page.pagination().totalCount());
        mv.addObject("nextCursor", page.pagination().nextCursor());
        mv.addObject("paged", cursor != null && !cursor.isBlank());
        mv.addObject("filters", query.values());
        mv.addObject("filterQuery", query.queryString());
        mv.addObject("filtered", query.any());
        mv.addObject("eventTypes", List.copyOf(EventCatalogue.entries().keySet()));
    }
}
