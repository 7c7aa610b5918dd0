package dev.janua.server.support;

import dev.janua.server.platform.config.JanuaProperties;
import java.nio.file.Path;
import java.time.Duration;

/** {@link JanuaProperties} with the shipped defaults, for unit tests without Spring. */
public final class TestProperties {
    private TestProperties() {}

    public static JanuaProperties defaults(Path dataDir) {
        return defaults(dataDir, "auto");
    }

    /** The defaults with {@code janua.tokens.rsa-implementation} set. */
    public static JanuaProperties defaults(Path dataDir, String rsaImplementation) {
        return new JanuaProperties("development", dataDir.toString(), "", "", "", "", "", "Janua <no-reply@janua.local>", "", "",
                1_048_576, false,
                new JanuaProperties.Tokens("", "janua", "RS256", Duration.ofHours(1), Duration.ofDays(30), Duration.ofHours(2),
                        Duration.ofHours(24), Duration.ofHours(1), 4096, rsaImplementation),
                new JanuaProperties.Sessions(Duration.ofHours(24), Duration.ofMinutes(30), Duration.ofDays(30), Duration.ofSeconds(60),
                        Duration.ofSeconds(10)),
                new JanuaProperties.Passwords(8, 128, 19456, 2, 1, 5, Duration.ofMinutes(15), 100, Duration.ofDays(365), "auto"));
    }
}
