package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A user as an administrator sees them ({@code AdminUserView}): lockout and suspension too. */
public class AdminUser extends User {
    public AdminUser(JsonNode raw) { super(raw); }

    public Integer failedAttempts() { return integer("failedAttempts"); }
    public boolean locked() { return flag("locked"); }
    public Instant lockedUntil() { return instant("lockedUntil"); }
    /** {@code suspendedAt}, {@code until}, {@code reason}, {@code suspendedBy}; empty when not suspended. */
    public Map<String, Object> suspension() { return map("suspension"); }
}
