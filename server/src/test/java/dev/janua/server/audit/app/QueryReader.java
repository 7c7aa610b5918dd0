package dev.janua.server.audit.app;

import javax.sql.DataSource;

/** The audit verifier that reads through a JDBC query even on PostgreSQL: the tests' independent second reader. */
public final class QueryReader {
    private QueryReader() {}

    public static AuditChainVerifier verifier(DataSource dataSource, int threads, long minRange) {
        return AuditChainVerifier.byQuery(dataSource, threads, minRange);
    }
}
