package dev.janua.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which PostgreSQL test databases a new run may sweep: only its own kind, and only once a day old. */
class TestDatabaseTest {
    @Test
    void onlyTestDatabasesOfRunsOlderThanADayAreLeftovers() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        String old = "janua_it_" + now.minus(Duration.ofHours(25)).getEpochSecond() + "_0a1b2c3d";
        String recent = "janua_it_" + now.minus(Duration.ofHours(2)).getEpochSecond() + "_0a1b2c3d";
        assertThat(TestDatabase.leftovers(List.of(old, recent, "janua_it_6a45a5b55c9e", "postgres", "test", "janua_audit_bench"), now))
                .containsExactly(old);
    }
}
