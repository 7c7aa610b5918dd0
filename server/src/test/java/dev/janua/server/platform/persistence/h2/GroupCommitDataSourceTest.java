package dev.janua.server.platform.persistence.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Which commits wait for a write: those that changed something, and no others. */
class GroupCommitDataSourceTest {

    private static GroupCommitDataSource onFile(String settings) throws Exception {
        String path = Files.createTempDirectory("janua-group-commit-").resolve("db").toString();
        return new GroupCommitDataSource(new DriverManagerDataSource("jdbc:h2:file:" + path + ";DB_CLOSE_DELAY=-1" + settings, "sa", ""));
    }

    @Test
    void writesWaitAndReadsDoNot() throws Exception {
        GroupCommitDataSource ds = onFile("");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (n INT PRIMARY KEY)"); // auto-commit DDL: a change of schema
        }
        GroupCommit group = ds.groupCommit();
        assertThat(group.commits()).isEqualTo(1);

        try (Connection c = ds.getConnection()) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (1)")) {
                p.executeUpdate(); // auto-commit write
            }
            assertThat(group.commits()).isEqualTo(2);
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM t"); ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue(); // auto-commit read
            }
            assertThat(group.commits()).isEqualTo(2);

            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("SELECT n FROM t WHERE n = 1"); ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
            c.commit(); // a transaction that only read
            assertThat(group.commits()).isEqualTo(2);

            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (2)")) {
                p.executeUpdate();
            }
            assertThat(group.commits()).as("nothing before the commit").isEqualTo(2);
            c.commit();
            assertThat(group.commits()).isEqualTo(3);

            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (3)")) {
                p.executeUpdate();
            }
            c.setAutoCommit(true); // commits what is pending (JDBC)
            assertThat(group.commits()).isEqualTo(4);

            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (4)")) {
                p.executeUpdate();
            }
            c.rollback();
            assertThat(group.commits()).isEqualTo(4);
        }
        assertThat(group.writes()).isBetween(1L, 4L);
    }

    @Test
    void statementsAndConnectionsStayWrapped() throws Exception {
        GroupCommitDataSource ds = onFile("");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertThat(s.getConnection()).isSameAs(c);
            assertThat(c.unwrap(Connection.class)).isSameAs(c);
            assertThat(c.isWrapperFor(org.h2.jdbc.JdbcConnection.class)).isTrue();
            assertThat(ds.isWrapperFor(DriverManagerDataSource.class)).isTrue();
        }
    }

    @Test
    void whenH2WritesEveryCommitItselfConnectionsAreHandedOutUnchanged() throws Exception {
        GroupCommitDataSource ds = onFile(";WRITE_DELAY=0");
        try (Connection c = ds.getConnection()) {
            assertThat(c).isInstanceOf(org.h2.jdbc.JdbcConnection.class);
        }
        assertThat(ds.groupCommit()).isNull();
    }
}
