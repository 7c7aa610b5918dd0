package dev.janua.server.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database the integration suite runs on, chosen by {@code -Djanua.test.db=h2|postgres}. On
 * PostgreSQL each test JVM creates its own database (and drops it at exit), so runs never share
 * state; on H2 each JVM gets a fresh file in a temporary directory.
 */
public final class TestDatabase {
    public static final String KIND = System.getProperty("janua.test.db", "h2");
    private static final String PG_ADMIN_URL = System.getProperty("janua.test.pg-url",
            System.getenv().getOrDefault("JANUA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"));
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
        String name = "janua_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL); Statement s = c.createStatement()) {
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

    private static void drop(String name) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // best effort at JVM exit
        }
    }
}
