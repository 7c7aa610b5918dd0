package dev.janua.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.auth.domain.UnknownEmailLockout;
import dev.janua.server.support.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnknownEmailLockoutTest {
    @Test
    void mirrorsTheRealCounterForEmailsWithoutAccounts() {
        TestClock clock = new TestClock();
        UnknownEmailLockout lockout = new UnknownEmailLockout(5, Duration.ofMinutes(15), clock);
        for (int remaining = 4; remaining >= 1; remaining--) {
            UnknownEmailLockout.Outcome o = lockout.fail("ghost@example.com");
            assertThat(o.locked()).isFalse();
            assertThat(o.attemptsRemaining()).isEqualTo(remaining);
        }
        assertThat(lockout.fail("ghost@example.com").locked()).isTrue();
        assertThat(lockout.lockedUntil("ghost@example.com")).isNotNull();
        assertThat(lockout.lockedUntil("other@example.com")).isNull();
        clock.advance(Duration.ofMinutes(16));
        assertThat(lockout.lockedUntil("ghost@example.com")).isNull();
    }
}
