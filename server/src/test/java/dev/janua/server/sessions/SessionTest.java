package dev.janua.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration TOKEN = Duration.ofHours(1);

    private static Session session(Instant lastActive, Instant revoked) {
        return new Session("sess_1", "usr_1", T0, lastActive, T0.plus(Duration.ofHours(24)), Duration.ofMinutes(30), revoked, null,
                false, "password", null, null);
    }

    @Test
    void liveUntilIdleWindowWhichNeverEndsBeforeTheLastAccessTokenWould() {
        Session s = session(T0, null);
        assertThat(s.liveAt(T0.plus(Duration.ofMinutes(59)), TOKEN)).isTrue();
        assertThat(s.liveAt(T0.plus(Duration.ofMinutes(61)), TOKEN)).isFalse();
        assertThat(s.liveAt(T0.plus(Duration.ofMinutes(31)), Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void deadWhenRevokedOrPastItsAbsoluteLifetime() {
        assertThat(session(T0, T0).liveAt(T0.plusSeconds(1), TOKEN)).isFalse();
        assertThat(session(T0.plus(Duration.ofHours(24)), null).liveAt(T0.plus(Duration.ofHours(24)), TOKEN)).isFalse();
    }
}
