package dev.janua.bench;

import dev.janua.server.audit.domain.AuditHasher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Appends synthetic, correctly chained audit records straight through JDBC, for the audit-chain
 * verification benchmark ({@code ./janua bench audit}, 1,000,000 records). Synthetic records carry
 * negative {@code event_seq} values so they never collide with real events; otherwise they are
 * indistinguishable from real ones, which is why this tool lives in bench/ and not in the server:
 * never point it at a database whose audit log matters. It hashes with the server's own
 * {@link AuditHasher} (compiled into the benchmarks jar from the server's source).
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.janua.bench.AuditChainSeeder \
 *   'jdbc:postgresql://127.0.0.1:5432/janua_audit_bench?user=postgres' 1000000</pre>
 */
public final class AuditChainSeeder {
    private static final int BATCH = 2000;

    private AuditChainSeeder() {}

    public static void main(String[] args) throws SQLException {
        if (args.length < 2) {
            System.err.println("usage: AuditChainSeeder <jdbc-url> <records> [user] [password]");
            System.exit(2);
        }
        long started = System.nanoTime();
        long last;
        try (Connection c = args.length > 2 ? DriverManager.getConnection(args[0], args[2], args.length > 3 ? args[3] : null)
                : DriverManager.getConnection(args[0])) {
            last = seed(c, Long.parseLong(args[1]));
        }
        System.out.printf("seeded %s records in %d ms; chain now ends at position %d%n", args[1],
                (System.nanoTime() - started) / 1_000_000, last);
    }

    /** Appends {@code count} records after the current chain head; returns the new last position. */
    public static long seed(Connection c, long count) throws SQLException {
        c.setAutoCommit(false);
        long position;
        String hash;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_position, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            position = rs.getLong(1);
            hash = rs.getString(2);
        }
        byte[] previous = new byte[32];
        AuditHasher.decodeHex(hash, previous);
        AuditHasher hasher = new AuditHasher();
        String[] types = {"user.signin", "session.created", "user.updated", "user.signout"};
        long baseMs = System.currentTimeMillis() - count;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (position, id, event_seq, event_id, event_type, "
                + "user_id, actor_id, subject_id, organization_id, ip_address, user_agent, request_id, details, risk_score, "
                + "occurred_ms, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (long i = 0; i < count; i++) {
                position++;
                String id = "log_seed" + position;
                String user = "usr_seed" + (position % 10_000);
                String type = types[(int) (position % types.length)];
                String details = "{\"method\":\"password\",\"success\":true,\"userId\":\"" + user + "\"}";
                String ip = "10.0." + (position % 250) + "." + (position % 200);
                String ua = "Mozilla/5.0 (X11; Linux x86_64) bench";
                long ms = baseMs + i;
                hasher.hash(previous, position, id, -position, "evt_seed" + position, type, user, user, user, null, ip, ua,
                        "req_seed" + position, details, false, 0, ms);
                System.arraycopy(hasher.lastHash(), 0, previous, 0, 32);
                hash = AuditHasher.toHex(previous);
                insert.setLong(1, position);
                insert.setString(2, id);
                insert.setLong(3, -position);
                insert.setString(4, "evt_seed" + position);
                insert.setString(5, type);
                insert.setString(6, user);
                insert.setString(7, user);
                insert.setString(8, user);
                insert.setNull(9, Types.VARCHAR);
                insert.setString(10, ip);
                insert.setString(11, ua);
                insert.setString(12, "req_seed" + position);
                insert.setString(13, details);
                insert.setNull(14, Types.INTEGER);
                insert.setLong(15, ms);
                insert.setString(16, hash);
                insert.addBatch();
                if ((i + 1) % BATCH == 0) insert.executeBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement head = c.prepareStatement("UPDATE audit_chain_head SET last_position = ?, last_hash = ? WHERE id = 1")) {
            head.setLong(1, position);
            head.setString(2, hash);
            head.executeUpdate();
        }
        c.commit();
        return position;
    }
}
