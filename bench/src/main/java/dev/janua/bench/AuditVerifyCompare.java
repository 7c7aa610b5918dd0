package dev.janua.bench;

import dev.janua.server.audit.ChainVerification;
import dev.janua.server.audit.app.AuditChainVerifier;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The audit verifier's two readers on one database, alternating in one process ({@code ./janua bench
 * audit}): the binary COPY reader the server uses on PostgreSQL and the JDBC query reader it replaced,
 * so their ratio is taken under the same machine load. Prints one JSON line per run.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.janua.bench.AuditVerifyCompare \
 *   'jdbc:postgresql://127.0.0.1:5432/janua_audit_bench?user=postgres' 3 [threads]</pre>
 */
public final class AuditVerifyCompare {
    private AuditVerifyCompare() {}

    public static void main(String[] args) {
        String url = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        DataSource ds = new UrlDataSource(url);
        AuditChainVerifier copy = new AuditChainVerifier(ds, threads);
        AuditChainVerifier query = AuditChainVerifier.byQuery(ds, threads, 50_000);
        for (int round = 1; round <= rounds; round++) {
            print("copy", round, copy.verify());
            print("query", round, query.verify());
        }
    }

    private static void print(String reader, int round, ChainVerification v) {
        long perSecond = v.elapsedMillis() == 0 ? 0 : v.recordsChecked() * 1000 / v.elapsedMillis();
        System.out.printf("{\"reader\":\"%s\",\"round\":%d,\"valid\":%b,\"recordsChecked\":%d,\"elapsedMillis\":%d,\"recordsPerSecond\":%d}%n",
                reader, round, v.valid(), v.recordsChecked(), v.elapsedMillis(), perSecond);
    }

    /** A connection per call, as the verifier asks one per range: no pool needed for a few ranges. */
    private record UrlDataSource(String url) implements DataSource {
        @Override public Connection getConnection() throws SQLException { return DriverManager.getConnection(url); }
        @Override public Connection getConnection(String u, String p) throws SQLException { return DriverManager.getConnection(url, u, p); }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) {}
        @Override public void setLoginTimeout(int seconds) {}
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
        @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    }
}
