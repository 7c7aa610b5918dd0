package dev.janua.server.audit.app;

import dev.janua.server.audit.domain.AuditHasher;
import dev.janua.server.audit.domain.BinaryRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * PostgreSQL fast path of {@link AuditChainVerifier}: proves an intact chain from rows read in disk
 * order, or says it cannot. A sequential scan split into block ranges (TID range scans, PostgreSQL
 * 14+) costs the server about half the CPU of the position-ordered query (1,000,000 records, COPY to
 * /dev/null on the server: 1.65 s vs 3.4 s for the bitmap scan and sort PostgreSQL plans before the
 * table is analyzed, 2.5 s as an index scan). The log is append-only, so disk order is nearly
 * position order, but not quite: inserts fill free space in earlier pages and updated rows move. So
 * each block range yields runs of consecutive positions, every record in a run checked against its
 * predecessor as read; the runs of all ranges are then sorted by position and joined, each run's first
 * record hashed with the previous run's last stored hash. Memory stays bounded: a run keeps one
 * record's canonical JSON, and a range with more than {@value #MAX_RUNS_PER_RANGE} runs gives up.
 *
 * <p>It only ever answers "intact": any surprise (a mismatch, a gap, an overlap, the head not reached,
 * too many runs) returns false and the caller runs the position-ordered verification, which names the
 * first broken record exactly as before. An intact chain has one answer, so this path cannot change
 * what the endpoint reports; a broken chain costs one extra read.
 */
final class PhysicalOrderCheck {
    private static final String COLUMNS = "SELECT " + BinaryRow.COLUMNS + " FROM audit_log WHERE position <= ";
    private static final byte[] GENESIS = new byte[32];

    /** Bounds memory (a run holds one record's canonical JSON) and the time spent on a disordered table. */
    private static final int MAX_RUNS_PER_RANGE = 10_000;

    /**
     * Consecutive positions read one after another, each record already checked against its predecessor
     * but the first, whose canonical JSON waits for the run ending just before it.
     */
    private record Run(long first, byte[] firstCanonical, byte[] firstHex, long last, byte[] lastHash) {}

    private PhysicalOrderCheck() {}

    /** Whether PostgreSQL can scan block ranges without reading the whole table per range. */
    static boolean supported(Connection c) throws SQLException {
        return c.isWrapperFor(PGConnection.class) && c.getMetaData().getDatabaseMajorVersion() >= 14;
    }

    /** True only when positions {@code 1..headPosition} form an intact chain ending in {@code headHash}. */
    static boolean intact(DataSource dataSource, int parts, long headPosition, String headHash) throws Exception {
        long blocks;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_relation_size('audit_log') / current_setting('block_size')::bigint");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            blocks = rs.getLong(1);
        }
        long size = Math.max(1, (blocks + parts - 1) / parts);
        List<Run> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(parts)) {
            List<Future<List<Run>>> results = new ArrayList<>();
            for (int k = 0; k < parts; k++) {
                long from = k * size;
                long to = k == parts - 1 ? -1 : (k + 1) * size; // the last range is open: the table may have grown
                results.add(pool.submit(() -> scan(dataSource, from, to, headPosition)));
            }
            for (Future<List<Run>> f : results) {
                List<Run> some = f.get();
                if (some == null) return false;
                runs.addAll(some);
            }
        }
        runs.sort(java.util.Comparator.comparingLong(Run::first));
        AuditHasher hasher = new AuditHasher();
        long expected = 1;
        byte[] previous = GENESIS;
        for (Run s : runs) {
            if (s.first() != expected || !hasher.chains(previous, s.firstCanonical(), s.firstHex())) return false;
            previous = s.lastHash();
            expected = s.last() + 1;
        }
        return expected - 1 == headPosition && AuditHasher.toHex(previous).equals(headHash);
    }

    /** Blocks {@code [from, to)} ({@code to} -1: to the end) as runs; null when a record there does not chain. */
    private static List<Run> scan(DataSource dataSource, long from, long to, long headPosition) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // numbers the verifier made: nothing from outside enters the statement text
            String where = " AND ctid >= '(" + from + ",0)'::tid" + (to < 0 ? "" : " AND ctid < '(" + to + ",0)'::tid");
            CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("COPY (" + COLUMNS + headPosition + where + ") TO STDOUT (FORMAT binary)");
            try {
                return runs(new BinaryCopyRows(copy));
            } finally {
                BinaryCopyRows.drain(copy);
            }
        }
    }

    /** The range's runs of consecutive positions, in the order read; null when a run is broken or there are too many. */
    private static List<Run> runs(BinaryCopyRows rows) throws SQLException {
        AuditHasher hasher = new AuditHasher();
        int[] off = new int[BinaryRow.FIELDS];
        int[] len = new int[BinaryRow.FIELDS];
        byte[] previous = new byte[32];
        List<Run> runs = new ArrayList<>();
        long first = 0;
        long last = -1;
        byte[] firstCanonical = null;
        byte[] firstHex = null;
        while (rows.next(off, len)) {
            byte[] b = rows.buffer();
            long position = BinaryRow.int8(b, off[BinaryRow.POSITION]);
            int h = off[BinaryRow.HASH];
            int n = len[BinaryRow.HASH];
            if (position == last + 1 && last >= 0) {
                hasher.hashBinaryRow(previous, b, off, len);
                if (!hasher.matches(b, h, n)) return null;
                System.arraycopy(hasher.lastHash(), 0, previous, 0, 32);
            } else {
                // a new run: its first record is hashed when the runs are joined and its predecessor is known
                if (last >= 0) runs.add(new Run(first, firstCanonical, firstHex, last, previous.clone()));
                if (runs.size() >= MAX_RUNS_PER_RANGE || !AuditHasher.decodeHex(b, h, n, previous)) return null;
                first = position;
                firstHex = Arrays.copyOfRange(b, h, h + n);
                hasher.canonicalBinaryRow(b, off, len);
                firstCanonical = hasher.canonical();
            }
            last = position;
        }
        if (last >= 0) runs.add(new Run(first, firstCanonical, firstHex, last, previous.clone()));
        return runs;
    }
}
