package dev.janua.server.audit.app;

import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;

/** The audit verifier's readers as tests need them: the JDBC query reader (the independent second opinion) and the disk-order check. */
public final class QueryReader {
    private QueryReader() {}

    public static AuditChainVerifier verifier(DataSource dataSource, int threads, long minRange) {
        return AuditChainVerifier.byQuery(dataSource, threads, minRange);
    }

    /** Whether {@link PhysicalOrderCheck} proves the chain intact on its own; null where it does not run (H2). */
    public static Boolean provenIntactInDiskOrder(DataSource dataSource, int parts) throws Exception {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT last_position, last_hash FROM audit_chain_head WHERE id = 1")) {
            if (!PhysicalOrderCheck.supported(c)) return null;
            rs.next();
            return PhysicalOrderCheck.intact(dataSource, parts, rs.getLong(1), rs.getString(2));
        }
    }
}
