package dev.janua.server.users;

import java.time.Instant;

/** Why and until when an account is suspended ({@code until} null: until an admin lifts it). */
public record Suspension(Instant suspendedAt, Instant until, String reason, String suspendedBy) {}
