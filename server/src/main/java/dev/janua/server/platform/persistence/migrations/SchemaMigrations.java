package dev.janua.server.platform.persistence.migrations;

import dev.janua.server.platform.cache.DatabaseVendor;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Brings the schema up to date at start, before anything else uses the database (the
 * {@link SchemaMigrationsDetector} makes the JDBC beans wait for this one), in place of Spring Boot's Flyway
 * initializer.
 *
 * <p>On a restart the schema is usually current already, and Flyway would spend a large part of the start
 * (issue 16: its classes, plugin registry and configuration, then the same history read) to find nothing
 * to do. So the history table is read first, and Flyway is created only when it does not hold every bundled
 * migration applied with an equal checksum ({@link SchemaHistory}); every other case — a new database, a new
 * or changed migration, a failed one, another node migrating at this moment — goes to Flyway as before,
 * under its lock. A node that sees a complete history needs no lock: rows are only added, and a migration's
 * row appears only once it has been applied.
 */
@Component
public class SchemaMigrations implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private final DataSource dataSource;
    private final String vendor;
    private volatile boolean applied;
    private volatile boolean flywayRan;

    public SchemaMigrations(DataSource dataSource, DatabaseVendor vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor.postgres() ? "postgresql" : "h2";
    }

    @Override
    public void afterPropertiesSet() {
        ClassLoader classLoader = SchemaMigrations.class.getClassLoader();
        boolean current = BundledMigrations.read(vendor, classLoader)
                .map(bundled -> SchemaHistory.holdsEvery(bundled, dataSource)).orElse(false);
        if (current) {
            log.debug("schema history holds every bundled migration: Flyway not needed");
        } else {
            flyway(dataSource, vendor, classLoader).migrate();
            flywayRan = true;
        }
        applied = true;
    }

    /** Flyway as Spring Boot configured it for Janua: its defaults, and the common plus the vendor's scripts. */
    static Flyway flyway(DataSource dataSource, String vendor, ClassLoader classLoader) {
        return Flyway.configure(classLoader).dataSource(dataSource).locations(BundledMigrations.locations(vendor))
                .cleanDisabled(true).load();
    }

    /** Every bundled migration is applied: true once this bean has started (a start fails otherwise). */
    public boolean applied() {
        return applied;
    }

    /** Whether this start needed Flyway (false: the history already held every bundled migration). */
    public boolean flywayRan() {
        return flywayRan;
    }
}
