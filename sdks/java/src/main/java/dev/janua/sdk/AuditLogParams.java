package dev.janua.sdk;

/** Filters of the audit log. */
public final class AuditLogParams extends PageParams<AuditLogParams> {
    public static AuditLogParams builder() { return new AuditLogParams(); }

    public AuditLogParams eventType(String value) { return set("eventType", value); }
    public AuditLogParams userId(String value) { return set("userId", value); }
    public AuditLogParams organizationId(String value) { return set("organizationId", value); }
    public AuditLogParams startDate(java.time.Instant value) { return set("startDate", value == null ? null : value.toString()); }
    public AuditLogParams endDate(java.time.Instant value) { return set("endDate", value == null ? null : value.toString()); }
}
