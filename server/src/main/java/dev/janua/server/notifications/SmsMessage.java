package dev.janua.server.notifications;

import java.time.Instant;

/** One outgoing text message; {@code to} is an E.164 number. */
public record SmsMessage(String to, String body, Instant createdAt) {}
