package dev.janua.server.graphql.web;

import dev.janua.server.audit.app.AuditService;
import dev.janua.server.audit.persistence.JdbcAuditRepository.Filter;
import dev.janua.server.graphql.web.GraphQlViews.AuditLogNode;
import dev.janua.server.graphql.web.GraphQlViews.WebhookNode;
import dev.janua.server.platform.events.EventCatalogue;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.users.PlatformAdmins;
import dev.janua.server.webhooks.app.WebhookService;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Platform views over GraphQL: the audit log (as {@code GET /admin/audit-logs}) and webhook
 * endpoints (as {@code GET /webhooks}); platform admins only, like their REST twins.
 */
@Controller
public class AdminGraph {
    private final AuditService audit;
    private final WebhookService webhooks;
    private final PlatformAdmins admins;

    public AdminGraph(AuditService audit, WebhookService webhooks, PlatformAdmins admins) {
        this.audit = audit;
        this.webhooks = webhooks;
        this.admins = admins;
    }

    @QueryMapping
    public Connection<AuditLogNode> auditLogs(@Argument Integer first, @Argument String after, @Argument String eventType,
                                              @Argument String userId, @Argument String organizationId, Caller caller) {
        admins.require(caller);
        String type = eventType == null || eventType.isBlank() ? null : EventCatalogue.canonical(eventType.trim()).orElse(eventType.trim());
        Filter filter = new Filter(type, blank(userId), blank(organizationId), null, null);
        return Connection.of(audit.search(filter, PageRequest.of(first, after, null)).map(AuditLogNode::of), AuditLogNode::id);
    }

    @QueryMapping
    public Connection<WebhookNode> webhooks(@Argument Integer first, @Argument String after, Caller caller) {
        admins.require(caller);
        PageRequest p = PageRequest.of(first, after, null);
        List<WebhookNode> rows = webhooks.list(p.after(), p.offset(), p.fetchSize()).stream().map(WebhookNode::of).toList();
        return Connection.of(Page.fromRows(rows, p, WebhookNode::id, webhooks.count()), WebhookNode::id);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
