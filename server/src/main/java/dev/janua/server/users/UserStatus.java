package dev.janua.server.users;

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
}
