package dev.janua.server.platform.persistence.migrations;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Reads Flyway's history table ({@code flyway_schema_history}) with plain JDBC and answers one question:
 * does it already hold every bundled migration, applied successfully, with the same description and
 * checksum? Only then may a start skip Flyway; in every other case — no table yet, a migration missing or
 * changed, a failed or unusual row, a history the check cannot read — Flyway runs as before and makes every
 * decision (migrate, validate, refuse) itself.
 *
 * <p>Rows for versions above the newest bundled one are allowed: a node of the previous release starting
 * beside a newer one, which Flyway also accepts (its default ignores such "future" migrations). A versioned
 * row below that which this build does not carry is not: Flyway would refuse it as a missing migration.
 */
final class SchemaHistory {
    static final String TABLE = "flyway_schema_history";
    /** The marker row Flyway writes when it creates the history table (no version, no script). */
    private static final String TABLE_CREATED = "TABLE";
    /** Flyway's version order: numeric parts compared in turn. */
    static final Comparator<List<BigInteger>> VERSION_ORDER = SchemaHistory::compare;

    private record Row(String version, String description, String type, Integer checksum, boolean success) {}

    private SchemaHistory() {}

    static boolean holdsEvery(List<BundledMigrations.Script> bundled, DataSource dataSource) {
        if (bundled.isEmpty()) return false;
        List<Row> rows;
        try {
            rows = read(dataSource);
        } catch (SQLException e) {
            return false; // no history table yet (a new database) or one this check cannot read: Flyway decides
        }
        return holdsEvery(bundled, rows);
    }

    private static List<Row> read(DataSource dataSource) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version, description, type, checksum, success FROM " + TABLE)) {
            while (r.next()) {
                int checksum = r.getInt(4);
                rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.wasNull() ? null : checksum, r.getBoolean(5)));
            }
        }
        return rows;
    }

    private static boolean holdsEvery(List<BundledMigrations.Script> bundled, List<Row> rows) {
        Map<List<BigInteger>, Row> applied = new HashMap<>();
        for (Row row : rows) {
            if (TABLE_CREATED.equals(row.type()) && row.version() == null && row.success()) continue;
            // a failed migration, a baseline, a schema-creation marker, a repeatable or deleted entry: Flyway's call
            if (!row.success() || !"SQL".equals(row.type()) || row.version() == null) return false;
            List<BigInteger> version;
            try {
                version = version(row.version());
            } catch (NumberFormatException e) {
                return false;
            }
            if (applied.put(version, row) != null) return false;
        }
        List<BigInteger> newestBundled = bundled.stream().map(s -> version(s.version())).max(VERSION_ORDER).orElseThrow();
        for (BundledMigrations.Script script : bundled) {
            Row row = applied.remove(version(script.version()));
            if (row == null || !script.description().equals(row.description())
                    || !Objects.equals(script.checksum(), row.checksum())) return false;
        }
        // what is left was not bundled: only versions above the newest bundled one (a newer release's) may be
        return applied.keySet().stream().allMatch(v -> VERSION_ORDER.compare(v, newestBundled) > 0);
    }

    /** A version's numeric parts, trailing zero parts dropped as Flyway does ({@code 1.0} = {@code 1}). */
    static List<BigInteger> version(String version) {
        List<BigInteger> parts = new ArrayList<>(Arrays.stream(version.split("\\.")).map(BigInteger::new).toList());
        while (parts.size() > 1 && parts.getLast().signum() == 0) parts.removeLast();
        return List.copyOf(parts);
    }

    private static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = (i < a.size() ? a.get(i) : BigInteger.ZERO).compareTo(i < b.size() ? b.get(i) : BigInteger.ZERO);
            if (c != 0) return c;
        }
        return 0;
    }
}
