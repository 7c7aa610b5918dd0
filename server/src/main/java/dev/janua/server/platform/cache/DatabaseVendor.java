package dev.janua.server.platform.cache;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Which database this node runs on, asked once: PostgreSQL (possibly many nodes) or the embedded H2 (one node). */
@Component
public class DatabaseVendor {
    private final boolean postgres;

    public DatabaseVendor(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }

    public boolean postgres() {
        return postgres;
    }
}
