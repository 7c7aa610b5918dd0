package dev.janua.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.notifications.domain.Backoff;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToTheCapAndEndsAfterTheLastAttempt() {
        Backoff b = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 6, 0, () -> 0.5);
        assertThat(b.next(1)).contains(Duration.ofSeconds(10));
        assertThat(b.next(2)).contains(Duration.ofSeconds(20));
        assertThat(b.next(3)).contains(Duration.ofSeconds(40));
        assertThat(b.next(4)).contains(Duration.ofMinutes(1));
        assertThat(b.next(5)).contains(Duration.ofMinutes(1));
        assertThat(b.next(6)).as("dead letter after the sixth attempt").isEqualTo(Optional.empty());
    }

    @Test
    void jitterSpreadsTheWaitBothWays() {
        assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 5, 0.1, () -> 0.0).next(1)).contains(Duration.ofSeconds(9));
        assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), 5, 0.1, () -> 1.0).next(1)).contains(Duration.ofSeconds(11));
    }

    @Test
    void manyAttemptsNeverOverflowTheCap() {
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofHours(1), 1000, 0, () -> 0.5).next(900)).contains(Duration.ofHours(1));
    }

    @Test
    void rejectsSchedulesThatMakeNoSense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1), 5, 0, () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofHours(2), Duration.ofHours(1), 5, 0, () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofHours(1), 0, 0, () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
