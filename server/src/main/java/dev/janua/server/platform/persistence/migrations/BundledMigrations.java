package dev.janua.server.platform.persistence.migrations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The migration scripts this build carries for one database: {@code db/migration} plus
 * {@code db/vendor/{vendor}}, the locations {@link SchemaMigrations} gives Flyway. Each is described as Flyway
 * records it in its history table (version, description, checksum), so {@link SchemaHistory} can tell without
 * Flyway whether every one of them is applied.
 */
final class BundledMigrations {
    static final String COMMON_LOCATION = "db/migration";
    static final String VENDOR_LOCATION = "db/vendor/";
    /** Flyway's default naming for versioned SQL migrations: {@code V<version>__<description>.sql}. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__(.+)\\.sql");

    /** One versioned script: {@code version} as Flyway writes it ({@code _} read as {@code .}). */
    record Script(String version, String description, int checksum, String filename) {}

    private BundledMigrations() {}

    /** Flyway's locations for {@code vendor} ({@code h2} or {@code postgresql}). */
    static String[] locations(String vendor) {
        return new String[] {"classpath:" + COMMON_LOCATION, "classpath:" + VENDOR_LOCATION + vendor};
    }

    /**
     * The versioned scripts for {@code vendor}, or empty when a script is of a kind this class does not
     * describe (a repeatable or undo migration, a name Flyway would read differently): then only Flyway
     * itself can say whether the schema is current.
     */
    static Optional<List<Script>> read(String vendor, ClassLoader classLoader) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        List<Script> scripts = new ArrayList<>();
        try {
            for (String location : List.of(COMMON_LOCATION, VENDOR_LOCATION + vendor)) {
                for (Resource r : resolver.getResources("classpath*:" + location + "/**/*.sql")) {
                    Matcher m = VERSIONED.matcher(r.getFilename());
                    if (!m.matches()) return Optional.empty();
                    scripts.add(new Script(m.group(1).replace('_', '.'), m.group(2).replace('_', ' '),
                            checksum(r), r.getFilename()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // two scripts with one version: Flyway refuses to migrate, so it must be the one to say so
        if (scripts.stream().map(Script::version).distinct().count() != scripts.size()) return Optional.empty();
        return Optional.of(scripts);
    }

    /**
     * Flyway's checksum of a script (its {@code ChecksumCalculator}): CRC-32 over the UTF-8 bytes of each line
     * without its line ending and without a byte-order mark, so line endings do not change it.
     * {@code BundledMigrationsTest} holds it equal to Flyway's own for every bundled script.
     */
    static int checksum(Resource script) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("\uFEFF")) line = line.substring(1);
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }
}
