package dev.janua.server.users;

import java.time.Instant;
import java.util.Locale;

/** Lifecycle of an account; only {@code ACTIVE} users can sign in or use sessions. */
public enum UserStatus {
    ACTIVE, INACTIVE, SUSPENDED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UserStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** The status as of {@code now}: a suspension whose end has passed is over without anyone lifting it. */
    public static UserStatus effective(String wire, Instant suspendedUntil, Instant now) {
        UserStatus stored = fromWire(wire);
        return stored == SUSPENDED && suspendedUntil != null && !suspendedUntil.isAfter(now) ? ACTIVE : stored;
    }
}
