package dev.janua.server.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database the integration suite runs on, chosen by {@code -Djanua.test.db=h2|postgres}. On
 * PostgreSQL each test JVM creates its own database {@code janua_it_<epoch seconds>_<random>} through
 * the admin URL (the {@code postgres} maintenance database, used for nothing else) and drops it at
 * exit, so two runs on one machine never share state; a run that was killed before it could drop its
 * database leaves it behind, and the next run sweeps such leftovers once they are a day old and
 * nobody is connected. On H2 each JVM gets a fresh file in a temporary directory.
 */
public final class TestDatabase {
    public static final String KIND = System.getProperty("janua.test.db", "h2");
    private static final String PG_ADMIN_URL = System.getProperty("janua.test.pg-url",
            System.getenv().getOrDefault("JANUA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"));
    private static final String PREFIX = "janua_it_";
    private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d{9,})_[0-9a-f]+");
    private static final Duration LEFTOVER_AGE = Duration.ofHours(24);
    private static String url;
    private static Path dataDir;

    private TestDatabase() {}

    public static boolean isPostgres() {
        return "postgres".equals(KIND);
    }

    public static synchronized Path dataDir() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("janua-test-");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return dataDir;
    }

    public static synchronized String jdbcUrl() {
        if (url != null) return url;
        if (!isPostgres()) {
            url = "jdbc:h2:file:" + dataDir().resolve("janua") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            return url;
        }
        String name = PREFIX + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL); Statement s = c.createStatement()) {
            sweepLeftovers(s);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database on " + PG_ADMIN_URL
                    + " — is PostgreSQL running? (" + e.getMessage() + ")", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        url = PG_ADMIN_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return url;
    }

    /**
     * PostgreSQL only: another empty database for a test that needs a server of its own (a child
     * process whose outbox this JVM's server must not drain); dropped at exit like the suite's.
     */
    public static synchronized String scratchDatabaseUrl() {
        if (!isPostgres()) throw new IllegalStateException("scratch databases are a PostgreSQL-pass feature");
        String name = "janua_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a scratch database on " + PG_ADMIN_URL, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return PG_ADMIN_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    public static String username() {
        return isPostgres() ? null : "sa";
    }

    /** Test databases of runs that died without dropping theirs: created over a day ago. */
    static List<String> leftovers(List<String> names, Instant now) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            Matcher m = NAME.matcher(n);
            if (m.matches() && Long.parseLong(m.group(1)) < now.minus(LEFTOVER_AGE).getEpochSecond()) out.add(n);
        }
        return out;
    }

    /** Plain DROP (no FORCE): PostgreSQL refuses it while anyone is connected, so a live run keeps its database. */
    private static void sweepLeftovers(Statement s) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'janua\\_it\\_%'")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        for (String stale : leftovers(names, Instant.now())) {
            try {
                s.execute("DROP DATABASE IF EXISTS " + stale);
            } catch (SQLException inUse) {
                // someone is still connected: not a leftover after all
            }
        }
    }

    private static void drop(String name) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // best effort at JVM exit
        }
    }
}
