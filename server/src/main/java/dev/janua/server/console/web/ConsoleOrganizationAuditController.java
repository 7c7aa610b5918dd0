package dev.janua.server.console.web;

import dev.janua.server.audit.AuditEntry;
import dev.janua.server.audit.app.OrganizationAuditLog;
import dev.janua.server.console.ConsolePages;
import dev.janua.server.console.app.ConsoleViewer;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * An organization's audit log, for its owners and admins: the platform log's filters, held to this
 * organization by {@link OrganizationAuditLog} (an organization field in the query is ignored).
 * Entry pages and chain verification stay with platform admins: they show the whole chain.
 */
@Controller
@ConsolePages
@RequestMapping("/console/organizations/{organizationId}/audit")
public class ConsoleOrganizationAuditController {
    private final ConsoleOrganizationsController pages;
    private final OrganizationAuditLog audit;

    public ConsoleOrganizationAuditController(ConsoleOrganizationsController pages, OrganizationAuditLog audit) {
        this.pages = pages;
        this.audit = audit;
    }

    @GetMapping
    ModelAndView list(ConsoleViewer viewer, @PathVariable String organizationId, ConsoleAuditQuery query,
                      @RequestParam(required = false) String cursor) {
        ModelAndView mv = pages.page(viewer, organizationId, "audit");
        ConsoleAuditQuery own = new ConsoleAuditQuery(query.type(), query.user(), query.actor(), query.target(), null, query.from(), query.to());
        Page<AuditEntry> page = audit.search(viewer.caller(), organizationId, own.filter(),
                PageRequest.of(ConsoleAuditController.PAGE_SIZE, Console.blankToNull(cursor), null));
        ConsoleAuditController.rows(mv, page, own, cursor);
        return mv;
    }
}
