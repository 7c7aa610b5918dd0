package dev.janua.server.auth.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mirrors the lockout counter for emails that have no account, so a wrong password and an unknown
 * email answer alike — same code, same {@code attempts_remaining}, same lock after the threshold —
 * and the answers do not reveal which emails are registered. Bounded LRU; memory only.
 */
public final class UnknownEmailLockout {
    private static final int CAPACITY = 10_000;
    private final int threshold;
    private final Duration lockDuration;
    private final Clock clock;
    private final Map<String, Failures> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > CAPACITY;
        }
    };

    private record Failures(int failures, Instant lockedUntil) {}

    public record Outcome(boolean locked, int attemptsRemaining, Instant lockedUntil) {}

    public UnknownEmailLockout(int threshold, Duration lockDuration, Clock clock) {
        this.threshold = threshold;
        this.lockDuration = lockDuration;
        this.clock = clock;
    }

    /** The end of the current lock, or null when not locked. */
    public synchronized Instant lockedUntil(String normalizedEmail) {
        Failures e = entries.get(normalizedEmail);
        return e != null && e.lockedUntil() != null && e.lockedUntil().isAfter(clock.instant()) ? e.lockedUntil() : null;
    }

    public synchronized Outcome fail(String normalizedEmail) {
        Instant now = clock.instant();
        Failures e = entries.getOrDefault(normalizedEmail, new Failures(0, null));
        int failures = e.failures() + 1;
        Instant lockedUntil = failures % threshold == 0 ? now.plus(lockDuration) : null;
        entries.put(normalizedEmail, new Failures(failures, lockedUntil));
        return new Outcome(lockedUntil != null, lockedUntil != null ? 0 : threshold - (failures % threshold), lockedUntil);
    }
}
