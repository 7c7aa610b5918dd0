package dev.janua.server.platform.persistence.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The process {@link GroupCommitCrashTest} kills: commits rows through {@link GroupCommitDataSource}, half in
 * transactions and half as auto-commit statements, and prints each row's number once its commit returned.
 * H2's own writer is set to a minute, so only the group commit can have written what was printed.
 * Usage: {@code GroupCommitCrashChild <h2 file path> <rows>}.
 */
public final class GroupCommitCrashChild {
    public static void main(String[] args) throws Exception {
        DataSource plain = new DriverManagerDataSource("jdbc:h2:file:" + args[0] + ";WRITE_DELAY=60000;DB_CLOSE_DELAY=-1", "sa", "");
        DataSource ds = new GroupCommitDataSource(plain);
        int rows = Integer.parseInt(args[1]);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS committed (n INT PRIMARY KEY, payload VARCHAR(200))");
        }
        System.out.println("ready");
        for (int n = 0; n < rows; n++) {
            try (Connection c = ds.getConnection()) {
                if (n % 2 == 0) c.setAutoCommit(false);
                try (PreparedStatement p = c.prepareStatement("INSERT INTO committed VALUES (?, ?)")) {
                    p.setInt(1, n);
                    p.setString(2, "row " + n + " ".repeat(100));
                    p.executeUpdate();
                }
                if (n % 2 == 0) c.commit();
            }
            System.out.println(n);
        }
        System.out.println("done");
        Thread.sleep(60_000); // killed before this ends
    }
}
