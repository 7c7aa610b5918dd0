package dev.janua.server.platform.persistence.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.platform.cache.DatabaseVendor;
import dev.janua.server.support.TestDatabase;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The restart shortcut of {@link SchemaMigrations} (issue 16): Flyway is skipped only when the history holds
 * every bundled migration, applied, with equal checksums; each other state must reach Flyway. Runs on an
 * empty database of the suite's kind ({@code -Djanua.test.db=h2|postgres}).
 */
class SchemaMigrationsTest {
    private static final ClassLoader LOADER = SchemaMigrationsTest.class.getClassLoader();
    private DataSource dataSource;
    private JdbcTemplate jdbc;
    private String vendor;

    @BeforeEach
    void emptyDatabase() {
        if (TestDatabase.isPostgres()) {
            dataSource = new DriverManagerDataSource(TestDatabase.scratchDatabaseUrl());
        } else {
            dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        }
        jdbc = new JdbcTemplate(dataSource);
        vendor = TestDatabase.isPostgres() ? "postgresql" : "h2";
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void checksumsAndDescriptionsAreFlywaysOwnForEveryBundledScript(String scriptsOf) {
        List<BundledMigrations.Script> ours = BundledMigrations.read(scriptsOf, LOADER).orElseThrow();
        Map<String, MigrationInfo> flyways = new HashMap<>();
        for (MigrationInfo m : SchemaMigrations.flyway(dataSource, scriptsOf, LOADER).info().all()) {
            flyways.put(m.getVersion().getVersion(), m);
        }
        assertThat(ours).hasSize(flyways.size()).isNotEmpty();
        for (BundledMigrations.Script script : ours) {
            MigrationInfo flyway = flyways.get(script.version());
            assertThat(flyway).as(script.filename()).isNotNull();
            assertThat(script.checksum()).as(script.filename()).isEqualTo(flyway.getChecksum());
            assertThat(script.description()).as(script.filename()).isEqualTo(flyway.getDescription());
        }
        assertThat(ours).anyMatch(s -> s.filename().equals("V1330__sessions_active_index.sql")); // the vendor folder is read
    }

    @Test
    void aNewDatabaseIsMigratedByFlywayAndARestartSkipsIt() {
        SchemaMigrations first = start();
        assertThat(first.flywayRan()).isTrue();
        assertThat(first.applied()).isTrue();
        assertThat(historyComplete()).isTrue();

        SchemaMigrations restart = start();
        assertThat(restart.flywayRan()).isFalse();
        assertThat(restart.applied()).isTrue();
    }

    @Test
    void aNewBundledMigrationIsAppliedByFlyway() {
        List<BundledMigrations.Script> bundled = BundledMigrations.read(vendor, LOADER).orElseThrow();
        String previous = bundled.stream().map(BundledMigrations.Script::version)
                .sorted(Comparator.comparing(SchemaHistory::version, SchemaHistory.VERSION_ORDER).reversed())
                .skip(1).findFirst().orElseThrow(); // the release before the newest migration
        Flyway.configure(LOADER).dataSource(dataSource).locations(BundledMigrations.locations(vendor))
                .target(previous).load().migrate();
        assertThat(historyComplete()).isFalse();

        assertThat(start().flywayRan()).isTrue();
        assertThat(historyComplete()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DELETE FROM flyway_schema_history WHERE version = '1'", // a bundled migration missing from the history
        "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1100'", // a script changed since
        "UPDATE flyway_schema_history SET description = 'renamed' WHERE version = '1100'", // a script renamed
        "UPDATE flyway_schema_history SET success = FALSE WHERE version = '1330'"}) // a failed migration
    void aHistoryThatDiffersFromTheBundledMigrationsIsNotSkipped(String change) {
        start();
        assertThat(historyComplete()).isTrue();
        jdbc.update(change);
        assertThat(historyComplete()).isFalse();
    }

    @Test
    void anAppliedMigrationThisBuildDoesNotCarryIsNotSkippedUnlessItIsNewer() {
        start();
        insertHistoryRow("2", "from elsewhere"); // below the newest bundled: Flyway calls it missing and refuses
        assertThat(historyComplete()).isFalse();
        jdbc.update("DELETE FROM flyway_schema_history WHERE version = '2'");
        insertHistoryRow("999999", "a newer release"); // a newer node's migration: Flyway ignores future ones
        assertThat(historyComplete()).isTrue();
    }

    @Test
    void twoNodesStartingAtOnceOnANewDatabaseBothEndMigratedOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<SchemaMigrations> node = this::start;
            List<Future<SchemaMigrations>> nodes = pool.invokeAll(List.of(node, node));
            for (Future<SchemaMigrations> n : nodes) assertThat(n.get().applied()).isTrue();
        } finally {
            pool.shutdown();
        }
        assertThat(historyComplete()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL", Integer.class))
                .isEqualTo(BundledMigrations.read(vendor, LOADER).orElseThrow().size());
    }

    @Test
    void noHistoryTableIsNotSkipped() {
        assertThat(historyComplete()).isFalse();
    }

    private SchemaMigrations start() {
        SchemaMigrations migrations = new SchemaMigrations(dataSource, new DatabaseVendor(dataSource));
        migrations.afterPropertiesSet();
        return migrations;
    }

    private boolean historyComplete() {
        return SchemaHistory.holdsEvery(BundledMigrations.read(vendor, LOADER).orElseThrow(), dataSource);
    }

    private void insertHistoryRow(String version, String description) {
        jdbc.update("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) SELECT max(installed_rank) + 1, ?, ?, 'SQL', 'V' || ? || '.sql',"
                + " 1, 'test', 1, TRUE FROM flyway_schema_history", version, description, version);
    }
}
