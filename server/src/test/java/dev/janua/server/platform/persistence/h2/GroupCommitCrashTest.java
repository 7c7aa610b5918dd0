package dev.janua.server.platform.persistence.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A killed process loses no commit that returned: {@link GroupCommitCrashChild} commits rows on an H2 file
 * whose own writer waits a minute, prints each row once committed, and is killed with SIGKILL mid-stream;
 * the file, opened again, holds every printed row. Without the group commit the rows printed in the last
 * minute are gone (checked by hand: the test fails with {@link GroupCommitDataSource} replaced by the plain
 * source).
 */
class GroupCommitCrashTest {
    private static final int KILL_AFTER = 300;

    @Test
    void everyReturnedCommitSurvivesSigkill() throws Exception {
        Path dir = Files.createTempDirectory("janua-group-commit-");
        Path db = dir.resolve("crash");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GroupCommitCrashChild.class.getName(), db.toString(), "100000"))
                .redirectErrorStream(true).start();
        Set<Integer> printed = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.matches("\\d+")) printed.add(Integer.parseInt(line));
                if (printed.size() >= KILL_AFTER) break;
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close of the store
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(printed).hasSizeGreaterThanOrEqualTo(KILL_AFTER);

        Set<Integer> stored = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db, "sa", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n FROM committed")) {
            while (rs.next()) stored.add(rs.getInt(1));
        }
        assertThat(stored).containsAll(printed);
    }
}
