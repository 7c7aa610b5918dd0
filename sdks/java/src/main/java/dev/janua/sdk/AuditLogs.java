package dev.janua.sdk;

import dev.janua.sdk.model.AuditEntry;
import dev.janua.sdk.model.ChainVerification;

import java.util.Map;

/** The audit log: one's own (or an organization's) records, and the whole log for platform admins. */
public final class AuditLogs extends Namespace {
    AuditLogs(Transport t) { super(t); }

    /** {@code GET /audit-logs}. */
    public Page<AuditEntry> list(AuditLogParams params) {
        return page("/audit-logs", params, Credential.ANY, AuditEntry::new);
    }

    public Page<AuditEntry> list() { return list(null); }

    /** {@code GET /admin/audit-logs}: every record (platform admin). */
    public Page<AuditEntry> listAll(AuditLogParams params) {
        return page("/admin/audit-logs", params, Credential.ADMIN, AuditEntry::new);
    }

    /** {@code GET /admin/audit-logs/verify}: checks the whole hash chain and names the first tampered record. */
    public ChainVerification verify() {
        return new ChainVerification(get("/admin/audit-logs/verify", Credential.ADMIN));
    }

    /** {@code GET /admin/audit-logs/export?format=csv|json}: the raw export. */
    public String export(String format, AuditLogParams filters) {
        Map<String, Object> q = filters == null ? new java.util.LinkedHashMap<>() : filters.toMap();
        q.remove("limit");
        q.remove("cursor");
        q.remove("page");
        q.put("format", format);
        return t.text("/admin/audit-logs/export", q, Credential.ADMIN);
    }
}
