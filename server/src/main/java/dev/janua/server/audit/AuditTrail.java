package dev.janua.server.audit;

/** What other modules (admin health) may ask of the audit log. */
public interface AuditTrail {
    /** Committed events not yet in the audit log. */
    long backlog();

    ChainVerification verify();
}
