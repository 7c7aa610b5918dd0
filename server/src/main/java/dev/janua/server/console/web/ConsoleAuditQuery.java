package dev.janua.server.console.web;

import dev.janua.server.audit.persistence.JdbcAuditRepository.Filter;
import dev.janua.server.audit.web.AuditExport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit log's filters as the console's forms send them (bound from the query string): action,
 * user (about or by), actor (who acted), target (what was acted on), organization and dates. The
 * platform log and an organization's log share it; the organization's forces its own organization.
 */
public record ConsoleAuditQuery(String type, String user, String actor, String target, String organization, String from, String to) {

    public Filter filter() {
        return AuditExport.filter(type, user, organization, from, to, actor, target);
    }

    /** The filters by name, blanks as "", for the form's values and hidden fields. */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", orEmpty(type));
        m.put("user", orEmpty(user));
        m.put("actor", orEmpty(actor));
        m.put("target", orEmpty(target));
        m.put("organization", orEmpty(organization));
        m.put("from", orEmpty(from));
        m.put("to", orEmpty(to));
        return m;
    }

    public boolean any() {
        return values().values().stream().anyMatch(v -> !v.isBlank());
    }

    /** The non-blank filters as an encoded query string, for paging and export links. */
    public String queryString() {
        return values().entrySet().stream().filter(e -> !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().trim(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
