package dev.janua.server.audit.app;

import dev.janua.server.audit.ChainVerification;
import dev.janua.server.audit.domain.AuditHasher;
import dev.janua.server.audit.domain.BinaryRow;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Verifies the audit chain and names the first record whose hash does not match.
 *
 * <p>Each record's hash depends only on its own fields and the previous record's stored hash, so
 * the chain splits into position ranges verified in parallel, each streamed from its own connection
 * (cursor fetch, no per-row objects beyond what JDBC returns). The smallest failing position wins.
 * Missing positions (a deleted row) and a tail that no longer reaches the chain head (deleted
 * newest rows) are failures too. On PostgreSQL an intact chain is first proven by
 * {@link PhysicalOrderCheck} from rows in disk order, at about half the database's CPU; only when it
 * cannot (a broken or much disordered chain) do the ordered ranges run. Plain JDBC on a {@link DataSource}: usable from a JMH benchmark
 * without Spring ({@code new AuditChainVerifier(dataSource, 0).verify()}).
 */
public final class AuditChainVerifier {
    private static final String SELECT = "SELECT " + BinaryRow.COLUMNS + " FROM audit_log WHERE position >= ? AND position <= ? ORDER BY position";
    private static final int FETCH = 5000;
    private static final long DEFAULT_MIN_RANGE = 50_000;
    private final DataSource dataSource;
    private final int threads;
    private final long minRange;
    private final boolean copyOnPostgres;

    /** {@code threads} ≤ 0 means one per available processor. */
    public AuditChainVerifier(DataSource dataSource, int threads) {
        this(dataSource, threads, DEFAULT_MIN_RANGE);
    }

    /** {@code minRange}: the smallest range worth its own thread and connection. */
    public AuditChainVerifier(DataSource dataSource, int threads, long minRange) {
        this(dataSource, threads, minRange, true);
    }

    private AuditChainVerifier(DataSource dataSource, int threads, long minRange, boolean copyOnPostgres) {
        this.dataSource = dataSource;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.minRange = Math.max(1, minRange);
        this.copyOnPostgres = copyOnPostgres;
    }

    /**
     * Reads rows through a JDBC query even on PostgreSQL: the tests' second reader ({@code audit.app.QueryReader}
     * in the tests) and the "before" of the bench's reader comparison ({@code bench AuditVerifyCompare}).
     */
    public static AuditChainVerifier byQuery(DataSource dataSource, int threads, long minRange) {
        return new AuditChainVerifier(dataSource, threads, minRange, false);
    }

    private record Failure(long position, String id, String reason) {}

    public ChainVerification verify() {
        long started = System.nanoTime();
        try {
            long lastPosition;
            String lastHash;
            boolean physical;
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT last_position, last_hash FROM audit_chain_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return broken(0, 0, null, "chain head missing", started);
                lastPosition = rs.getLong(1);
                lastHash = rs.getString(2);
                physical = copyOnPostgres && PhysicalOrderCheck.supported(c);
            }
            if (lastPosition == 0) return ChainVerification.ok(0, 0, elapsed(started));
            int parts = (int) Math.max(1, Math.min(threads, lastPosition / minRange));
            // an intact chain read in disk order needs no more; anything else is found and named below
            if (physical && PhysicalOrderCheck.intact(dataSource, parts, lastPosition, lastHash)) {
                return ChainVerification.ok(lastPosition, lastPosition, elapsed(started));
            }
            List<long[]> ranges = new ArrayList<>();
            long size = (lastPosition + parts - 1) / parts;
            for (long from = 1; from <= lastPosition; from += size) ranges.add(new long[] {from, Math.min(lastPosition, from + size - 1)});
            Failure first = null;
            if (ranges.size() == 1) {
                first = verifyRange(1, lastPosition, lastHash, lastPosition);
            } else {
                try (ExecutorService pool = Executors.newFixedThreadPool(ranges.size())) {
                    List<Future<Failure>> results = new ArrayList<>();
                    for (long[] r : ranges) results.add(pool.submit(() -> verifyRange(r[0], r[1], lastHash, lastPosition)));
                    for (Future<Failure> f : results) {
                        Failure failure = f.get();
                        if (failure != null && (first == null || failure.position() < first.position())) first = failure;
                    }
                }
            }
            if (first != null) return broken(first.position() - 1, first.position(), first.id(), first.reason(), started);
            return ChainVerification.ok(lastPosition, lastPosition, elapsed(started));
        } catch (SQLException e) {
            throw new IllegalStateException("audit verification failed to read the log: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("audit verification failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("audit verification failed: " + e, e);
        }
    }

    /** Verifies positions {@code from..to}; reads position {@code from - 1} first for its hash. */
    private Failure verifyRange(long from, long to, String headHash, long headPosition) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (copyOnPostgres && c.isWrapperFor(PGConnection.class)) return verifyRangeByCopy(c.unwrap(PGConnection.class), from, to, headHash, headPosition);
            return verifyRangeByQuery(c, from, to, headHash, headPosition);
        }
    }

    /**
     * PostgreSQL: the range as a binary COPY, hashed from the wire bytes — no String per column per row
     * in the driver, no text rendering of integers on the server.
     */
    private Failure verifyRangeByCopy(PGConnection c, long from, long to, String headHash, long headPosition) throws SQLException {
        AuditHasher hasher = new AuditHasher();
        byte[] previous = new byte[32];
        int[] off = new int[BinaryRow.FIELDS];
        int[] len = new int[BinaryRow.FIELDS];
        // positions are numbers the verifier made: nothing from outside enters the statement text
        CopyOut copy = c.getCopyAPI().copyOut("COPY (SELECT " + BinaryRow.COLUMNS + " FROM audit_log WHERE position >= "
                + (from - 1) + " AND position <= " + to + " ORDER BY position) TO STDOUT (FORMAT binary)");
        try {
            BinaryCopyRows rows = new BinaryCopyRows(copy);
            long expected = from;
            boolean havePrevious = from == 1;
            while (rows.next(off, len)) {
                byte[] b = rows.buffer();
                long position = BinaryRow.int8(b, off[BinaryRow.POSITION]);
                if (position == from - 1) {
                    havePrevious = AuditHasher.decodeHex(b, off[BinaryRow.HASH], len[BinaryRow.HASH], previous);
                    continue;
                }
                if (!havePrevious) return new Failure(position, text(b, off, len, BinaryRow.ID), "previous record missing or its hash malformed");
                if (position != expected) return new Failure(expected, null, "record missing at position " + expected);
                hasher.hashBinaryRow(previous, b, off, len);
                if (!hasher.matches(b, off[BinaryRow.HASH], len[BinaryRow.HASH])) {
                    return new Failure(position, text(b, off, len, BinaryRow.ID), "hash mismatch: record altered");
                }
                System.arraycopy(hasher.lastHash(), 0, previous, 0, 32);
                if (position == headPosition && !text(b, off, len, BinaryRow.HASH).equals(headHash)) {
                    return new Failure(to, text(b, off, len, BinaryRow.ID), "last record does not match the chain head");
                }
                expected++;
            }
            if (expected <= to) return new Failure(expected, null, "record missing at position " + expected);
            return null;
        } finally {
            BinaryCopyRows.drain(copy);
        }
    }

    private static String text(byte[] b, int[] off, int[] len, int field) {
        return len[field] < 0 ? null : new String(b, off[field], len[field], StandardCharsets.UTF_8);
    }

    private Failure verifyRangeByQuery(Connection c, long from, long to, String headHash, long headPosition) throws SQLException {
        AuditHasher hasher = new AuditHasher();
        byte[] previous = new byte[32];
        {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only outside autocommit
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                ps.setFetchSize(FETCH);
                ps.setLong(1, from - 1);
                ps.setLong(2, to);
                long expected = from;
                try (ResultSet rs = ps.executeQuery()) {
                    boolean havePrevious = from == 1;
                    String hash = null;
                    String id = null;
                    while (rs.next()) {
                        long position = rs.getLong(1);
                        id = rs.getString(2);
                        hash = rs.getString(16);
                        if (position == from - 1) {
                            havePrevious = AuditHasher.decodeHex(hash, previous);
                            continue;
                        }
                        if (!havePrevious) return new Failure(position, id, "previous record missing or its hash malformed");
                        if (position != expected) return new Failure(expected, null, "record missing at position " + expected);
                        int risk = rs.getInt(14);
                        boolean hasRisk = !rs.wasNull();
                        hasher.hash(previous, position, id, rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                                rs.getString(12), rs.getString(13), hasRisk, risk, rs.getLong(15));
                        if (!hasher.matches(hash)) return new Failure(position, id, "hash mismatch: record altered");
                        System.arraycopy(hasher.lastHash(), 0, previous, 0, 32);
                        expected++;
                    }
                    if (expected <= to) return new Failure(expected, null, "record missing at position " + expected);
                    if (to == headPosition && !headHash.equals(hash)) {
                        return new Failure(to, id, "last record does not match the chain head");
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
        return null;
    }

    private static ChainVerification broken(long checked, long position, String id, String reason, long started) {
        return new ChainVerification(false, checked, position, position, id, reason, elapsed(started));
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
