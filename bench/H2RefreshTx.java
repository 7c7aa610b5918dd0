import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * Issue 16: the embedded database's share of one refresh, measured without HTTP, Spring or concurrency — the
 * statements of {@code SessionService.rotate} on the tables of V1/V600 (session lock, spend, successor insert,
 * grace row) and the commit, on one thread, H2 with the server's URL settings ({@code WRITE_DELAY=0}: every
 * commit writes its chunk). Prints the thread CPU time per refresh transaction for each variant, in rounds:
 * {@code full} (what a refresh does), {@code nograce} (the grace window off), {@code nocommit} (the statements
 * alone; the transaction is never committed, so only the statements' cost shows).
 *
 * <p>Single-file program: {@code java -cp server/target/app/lib/h2-*.jar bench/H2RefreshTx.java /tmp/some-empty-dir 3000 8}
 */
public final class H2RefreshTx {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int SESSIONS = 8;

    public static void main(String[] args) throws SQLException {
        String dir = args[0];
        int perRound = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8; // the first few are the JIT warming up
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir + "/refresh;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;QUERY_CACHE_SIZE=128", "sa", "")) {
            createTables(c);
            int[] generation = new int[SESSIONS];
            for (int round = 0; round < rounds; round++) {
                for (String variant : new String[] {"full", "nograce", "nocommit"}) {
                    int[] committed = generation.clone();
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    for (int i = 0; i < perRound; i++) refresh(c, variant, i % SESSIONS, generation);
                    double micros = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1000.0 / perRound;
                    if (variant.equals("nocommit")) { // undo this round's spends and inserts
                        c.rollback();
                        System.arraycopy(committed, 0, generation, 0, SESSIONS);
                    }
                    System.out.printf("round %d %-9s %6.1f us of CPU per refresh transaction%n", round, variant, micros);
                }
            }
        }
    }

    private static void refresh(Connection c, String variant, int session, int[] generation) throws SQLException {
        String spent = "t" + session + "-" + generation[session];
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT * FROM sessions WHERE id = (SELECT session_id FROM refresh_tokens WHERE token_hash = ?) FOR UPDATE")) {
            lock.setString(1, spent);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("no session for " + spent);
            }
        }
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (PreparedStatement spend = c.prepareStatement(
                "UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL AND expires_at > ?")) {
            spend.setTimestamp(1, now);
            spend.setString(2, spent);
            spend.setTimestamp(3, now);
            if (spend.executeUpdate() != 1) throw new IllegalStateException("not spent: " + spent);
        }
        String successor = "t" + session + "-" + ++generation[session];
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, successor);
            insert.setString(2, "s" + session);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, new Timestamp(now.getTime() + 86_400_000L));
            insert.executeUpdate();
        }
        if (!variant.equals("nograce")) {
            try (PreparedStatement grace = c.prepareStatement("UPDATE refresh_token_grace SET spent_hash = ?,"
                    + " sealed_successor = ?, grace_until = ? WHERE session_id = ?")) {
                grace.setString(1, spent);
                grace.setString(2, "x".repeat(180)); // about the size of a sealed successor
                grace.setTimestamp(3, new Timestamp(now.getTime() + 10_000L));
                grace.setString(4, "s" + session);
                grace.executeUpdate();
            }
        }
        if (!variant.equals("nocommit")) c.commit();
    }

    private static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sessions (id VARCHAR(40) PRIMARY KEY, user_id VARCHAR(40) NOT NULL,"
                    + " created_at TIMESTAMP WITH TIME ZONE NOT NULL, last_active_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " expires_at TIMESTAMP WITH TIME ZONE NOT NULL, idle_timeout_s INTEGER NOT NULL,"
                    + " revoked_at TIMESTAMP WITH TIME ZONE, revoked_reason VARCHAR(40), remember_me BOOLEAN NOT NULL DEFAULT FALSE,"
                    + " auth_method VARCHAR(32) NOT NULL, ip_address VARCHAR(64), user_agent VARCHAR(512))");
            s.execute("CREATE INDEX sessions_user_idx ON sessions (user_id, created_at)");
            s.execute("CREATE TABLE refresh_tokens (token_hash VARCHAR(64) PRIMARY KEY,"
                    + " session_id VARCHAR(40) NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
                    + " created_at TIMESTAMP WITH TIME ZONE NOT NULL, expires_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " rotated_at TIMESTAMP WITH TIME ZONE)");
            s.execute("CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)");
            s.execute("CREATE TABLE refresh_token_grace (session_id VARCHAR(40) PRIMARY KEY, spent_hash VARCHAR(64) NOT NULL,"
                    + " sealed_successor VARCHAR(512) NOT NULL, grace_until TIMESTAMP WITH TIME ZONE NOT NULL)");
            c.setAutoCommit(false);
            for (int i = 0; i < SESSIONS; i++) {
                s.execute("INSERT INTO sessions VALUES ('s" + i + "', 'u" + i + "', now(), now(), now() + INTERVAL '1' DAY,"
                        + " 3600, NULL, NULL, FALSE, 'password', '127.0.0.1', 'bench')");
                s.execute("INSERT INTO refresh_tokens VALUES ('t" + i + "-0', 's" + i + "', now(), now() + INTERVAL '1' DAY, NULL)");
                s.execute("INSERT INTO refresh_token_grace VALUES ('s" + i + "', '-', '-', now())");
            }
            c.commit();
        }
    }
}
